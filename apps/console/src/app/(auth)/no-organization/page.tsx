import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/sign-out-button";
import { requireUser } from "@/server/auth/session";
import { findUserOrgs } from "@/server/org";

export const metadata: Metadata = { title: "No organization" };

/** A signed-in user without any membership (removed from their last org, or never invited). */
export default async function NoOrganizationPage() {
  const user = await requireUser();
  if ((await findUserOrgs(user.userId)).length > 0) redirect("/");

  return (
    <>
      <h1>No organization</h1>
      <p className="muted" data-testid="no-organization">
        {user.email} is not a member of any organization. Ask an admin of your organization to invite you again.
      </p>
      <SignOutButton />
    </>
  );
}
