import { canManageRole, ROLES, type TRole } from "@egress/contracts/permissions";

/** What each role may do, in one line (shown next to the role select). */
export const ROLE_DESCRIPTIONS: Record<TRole, string> = {
  owner: "everything, including owners and API tokens",
  admin: "policy, keys, devices and members (not owners)",
  reviewer: "triages blocks and decides requests",
  developer: "reads the policy and files requests",
  viewer: "reads everything, changes nothing",
};

/** The roles an actor may grant. */
export function findGrantableRoles(actorRole: TRole): TRole[] {
  return ROLES.filter((role) => canManageRole(actorRole, role));
}
