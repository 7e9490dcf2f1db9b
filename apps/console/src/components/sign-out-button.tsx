"use client";

import { signOut } from "next-auth/react";

/** Ends this browser's session and returns to the sign-in page. */
export function SignOutButton() {
  return (
    <button className="btn" type="button" onClick={() => void signOut({ callbackUrl: "/sign-in" })} data-testid="sign-out">
      Sign out
    </button>
  );
}
