import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { can, PERMISSIONS, type TPermission } from "@egress/contracts";
import { requireUser } from "./auth/session";
import { findUserOrgs, getActiveOrg, type TUserOrg } from "./org";

export type TPermissionMap = Record<TPermission, boolean>;

export type TConsoleSession = {
  user: { userId: string; email: string; name: string | null };
  org: TUserOrg;
  orgs: TUserOrg[];
  /** What the active role may do; pages hide what it may not (the server refuses it anyway). */
  permissions: TPermissionMap;
};

/**
 * The signed-in user and their active organization, for console pages. Redirects to sign-in
 * without a session, and to `/no-organization` for a user without any membership.
 */
export const requireConsoleSession = cache(async (): Promise<TConsoleSession> => {
  const user = await requireUser();
  const [org, orgs] = await Promise.all([getActiveOrg(user.userId), findUserOrgs(user.userId)]);
  if (!org) redirect("/no-organization");
  const permissions = Object.fromEntries(PERMISSIONS.map((permission) => [permission, can(org.role, permission)])) as TPermissionMap;

  return { user, org, orgs, permissions };
});
