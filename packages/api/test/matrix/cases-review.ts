import { randomBytes } from "node:crypto";
import type { TMatrixCase, TMatrixCases, TMatrixFixture } from "./types";

const READERS: TMatrixCase["expected"] = { owner: "allow", admin: "allow", reviewer: "allow", developer: "FORBIDDEN", viewer: "allow" };
const DECIDERS: TMatrixCase["expected"] = { owner: "allow", admin: "allow", reviewer: "allow", developer: "FORBIDDEN", viewer: "FORBIDDEN" };
const REQUESTERS: TMatrixCase["expected"] = { owner: "allow", admin: "allow", reviewer: "allow", developer: "allow", viewer: "FORBIDDEN" };

/** A fresh event group of the fixture org (each caller triages or allows its own). */
async function createGroup(f: TMatrixFixture) {
  const now = new Date();

  return f.db.eventGroup.create({ data: { orgId: f.org.id, groupKey: `${f.unique("g")}.example.com`, kind: "host", eventCount: 1, blockCount: 1, firstSeen: now, lastSeen: now } });
}

/** Matrix rows for the review and dashboard procedures. */
export const REVIEW_CASES: TMatrixCases = {
  "review.groups": { expected: READERS, input: () => ({ limit: 5 }) },
  "review.group": { expected: READERS, input: async (f) => ({ groupId: (await createGroup(f)).id }) },
  "review.groupEvents": { expected: READERS, input: async (f) => ({ groupId: (await createGroup(f)).id }) },
  "review.filterOptions": { expected: READERS, input: () => undefined },
  "review.triage": { expected: DECIDERS, input: async (f) => ({ groupId: (await createGroup(f)).id, state: "acknowledged" }) },
  "review.proposeAllow": { expected: DECIDERS, input: async (f) => ({ groupId: (await createGroup(f)).id, justification: "matrix" }) },
  "review.requestQueue": { expected: READERS, input: () => ({ status: "pending" }) },
  "review.createRequest": { expected: REQUESTERS, input: () => ({ kind: "host", target: `${randomBytes(4).toString("hex")}.example.com`, reason: "matrix" }) },
  "review.myRequests": { expected: REQUESTERS, input: () => undefined },
  "dashboard.summary": { expected: READERS, input: () => ({ days: 7 }) },
};

