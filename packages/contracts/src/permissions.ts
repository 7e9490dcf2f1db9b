/** Organization roles, most privileged first. */
export const ROLES = ["owner", "admin", "reviewer", "developer", "viewer"] as const;
export type TRole = (typeof ROLES)[number];

/** Every permission the console and the REST API check. */
export const PERMISSIONS = [
  "org.read",
  "org.manage",
  "members.read",
  "members.manage",
  "policy.read",
  "policy.write",
  "policy.publish",
  "policy.approve",
  "keys.read",
  "keys.manage",
  "events.read",
  "events.triage",
  "requests.read",
  "requests.create",
  "requests.decide",
  "devices.read",
  "devices.manage",
  "audit.read",
  "apiTokens.manage",
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

const ALL: readonly TPermission[] = PERMISSIONS;
const READ: readonly TPermission[] = ["org.read", "members.read", "policy.read", "keys.read", "events.read", "requests.read", "devices.read", "audit.read"];

/**
 * The one permission table. A developer reads the policy and files requests (the console shows
 * them their own requests and devices); a reviewer triages events and decides requests but cannot
 * change the policy or keys; a viewer looks at everything and changes nothing.
 */
export const ROLE_PERMISSIONS: Readonly<Record<TRole, ReadonlySet<TPermission>>> = {
  owner: new Set(ALL),
  admin: new Set(ALL.filter((p) => p !== "apiTokens.manage")),
  reviewer: new Set([...READ, "events.triage", "requests.create", "requests.decide"]),
  developer: new Set(["org.read", "members.read", "policy.read", "keys.read", "requests.create"]),
  viewer: new Set(READ),
};

/** Whether `role` holds `permission`. */
export function can(role: TRole | null | undefined, permission: TPermission): boolean {
  return !!role && ROLE_PERMISSIONS[role].has(permission);
}

/** Lower is more privileged. */
export const ROLE_RANK: Readonly<Record<TRole, number>> = { owner: 0, admin: 1, reviewer: 2, developer: 3, viewer: 4 };

/** Whether an actor with `actor` role may grant, change or remove a membership with role `target`: only owners touch owners. */
export function canManageRole(actor: TRole, target: TRole): boolean {
  if (!can(actor, "members.manage")) return false;
  if (target === "owner") return actor === "owner";

  return true;
}
