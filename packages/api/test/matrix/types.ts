import type { TRole } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TTestUser } from "../helpers";

/** Who calls: a member of the fixture org with each role, a member of ANOTHER org, or nobody. */
export type TMatrixCaller = TRole | "outsider" | "anonymous";
export type TMatrixOutcome = "allow" | "FORBIDDEN" | "NOT_FOUND" | "UNAUTHORIZED";

/**
 * What a case's `input()` may use. One fixture per test file (shared by all cases): keep inputs
 * independent of each other by creating what a call consumes (a fresh member to remove, a fresh
 * token to revoke) inside `input()`, which runs once per caller.
 *
 * - `db`: the real test database (PGlite or PostgreSQL)
 * - `org`: the organization every call targets (header `x-egress-org`); created by the real
 *   createOrganization, so it has its root/signing keys and the `default` policy scope
 * - `users[role]`: a member of `org` with that role; `outsider`: owner of `otherOrg` only
 * - `otherOrg`: a second tenant (for NOT_FOUND checks)
 * - `addMember(role)`: a fresh member of `org`
 * - `unique(prefix)`: a unique string for slugs, names, e-mails
 * - `kek`: the key-encryption key the orgs' keys are encrypted with
 */
export type TMatrixFixture = {
  db: PrismaClient;
  kek: Buffer;
  org: { id: string; slug: string };
  otherOrg: { id: string; slug: string };
  users: Record<TRole, TTestUser & { membershipId: string }>;
  outsider: TTestUser;
  addMember(role: TRole): Promise<{ membershipId: string; user: TTestUser }>;
  unique(prefix?: string): string;
};

/**
 * One procedure's row of the matrix. `expected` gives the outcome per role of a member of the
 * fixture org. `scope: "org"` (default): other-org members get NOT_FOUND and signed-out callers
 * UNAUTHORIZED; `scope: "user"` (procedures for any signed-in user): other-org members are allowed.
 * `outsider` / `anonymous` override those defaults.
 */
export type TMatrixCase = {
  input: (fixture: TMatrixFixture, caller: TMatrixCaller) => unknown;
  expected: Record<TRole, "allow" | "FORBIDDEN">;
  scope?: "org" | "user";
  outsider?: TMatrixOutcome;
  anonymous?: TMatrixOutcome;
};

export type TMatrixCases = Record<string, TMatrixCase>;
