import { FLEET_CASES } from "./cases-fleet";
import { POLICY_TOOLS_CASES } from "./cases-policy-tools";
import { REVIEW_CASES } from "./cases-review";
import type { TMatrixCase, TMatrixCases } from "./types";

// Written out per role on purpose (not derived from ROLE_PERMISSIONS), so a change to the
// permission table that widens or narrows access shows up here as a failing row.
const ALL: TMatrixCase["expected"] = { owner: "allow", admin: "allow", reviewer: "allow", developer: "allow", viewer: "allow" };
const ADMINS: TMatrixCase["expected"] = { owner: "allow", admin: "allow", reviewer: "FORBIDDEN", developer: "FORBIDDEN", viewer: "FORBIDDEN" };
const OWNER_ONLY: TMatrixCase["expected"] = { owner: "allow", admin: "FORBIDDEN", reviewer: "FORBIDDEN", developer: "FORBIDDEN", viewer: "FORBIDDEN" };
const AUDITORS: TMatrixCase["expected"] = { owner: "allow", admin: "allow", reviewer: "allow", developer: "FORBIDDEN", viewer: "allow" };

/** The foundation procedures (me, org, settings, members, audit, apiTokens). */
export const FOUNDATION_CASES: TMatrixCases = {
  "me.get": { scope: "user", expected: ALL, input: () => undefined },
  "org.list": { scope: "user", expected: ALL, input: () => undefined },
  "org.create": { scope: "user", expected: ALL, input: (f) => ({ slug: f.unique("m"), name: "Matrix org" }) },
  "org.get": { expected: ALL, input: () => undefined },
  "settings.get": { expected: ALL, input: () => undefined },
  "settings.update": { expected: ADMINS, input: (f) => ({ staleDeviceHours: 24 + (f.unique().length % 48) }) },
  "members.list": { expected: ALL, input: () => undefined },
  "members.invite": { expected: ADMINS, input: (f) => ({ email: `${f.unique("inv")}@example.test`, role: "viewer" }) },
  "members.changeRole": {
    expected: ADMINS,
    input: async (f) => ({ membershipId: (await f.addMember("viewer")).membershipId, role: "developer" }),
  },
  "members.remove": { expected: ADMINS, input: async (f) => ({ membershipId: (await f.addMember("viewer")).membershipId }) },
  "audit.list": { expected: AUDITORS, input: () => ({ limit: 5 }) },
  "apiTokens.list": { expected: OWNER_ONLY, input: () => undefined },
  "apiTokens.create": { expected: OWNER_ONLY, input: (f) => ({ name: f.unique("tok") }) },
  "apiTokens.revoke": {
    expected: OWNER_ONLY,
    input: async (f) => {
      const hash = f.unique("hash");
      const token = await f.db.apiToken.create({ data: { orgId: f.org.id, name: f.unique("tok"), prefix: "egk_test", tokenHash: hash } });

      return { id: token.id };
    },
  },
};

/** Every procedure of appRouter: the foundation rows, the fleet rows and the policy-tools rows. */
export const MATRIX_CASES: TMatrixCases = { ...FOUNDATION_CASES, ...FLEET_CASES, ...POLICY_TOOLS_CASES, ...REVIEW_CASES };
