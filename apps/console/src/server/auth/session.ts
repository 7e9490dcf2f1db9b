import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { TSessionUser } from "@egress/api";
import { getAuthOptions } from "./options";

/**
 * The signed-in user of this request, or null. next-auth's `jwt` callback has already re-checked
 * the user, their session epoch and the absolute lifetime; an ended session reads as null.
 */
export const getCurrentUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user.id) return null;

  return { userId: session.user.id, email: session.user.email, name: session.user.name };
});

/** The signed-in user, or a redirect to the sign-in page (for layouts and pages). */
export async function requireUser(): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");

  return user;
}
