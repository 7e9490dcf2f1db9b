import { randomBytes } from "node:crypto";
import type { Prisma } from "@egress/db";
import { defaultPolicyDocument } from "@egress/policy";
import type { TMatrixCase, TMatrixCases, TMatrixFixture } from "./types";

const ALL: TMatrixCase["expected"] = { owner: "allow", admin: "allow", reviewer: "allow", developer: "allow", viewer: "allow" };
const ADMINS: TMatrixCase["expected"] = { owner: "allow", admin: "allow", reviewer: "FORBIDDEN", developer: "FORBIDDEN", viewer: "FORBIDDEN" };
const READERS: TMatrixCase["expected"] = { owner: "allow", admin: "allow", reviewer: "allow", developer: "FORBIDDEN", viewer: "allow" };
const DECIDERS: TMatrixCase["expected"] = { owner: "allow", admin: "allow", reviewer: "allow", developer: "FORBIDDEN", viewer: "FORBIDDEN" };

const defaultPolicy = (f: TMatrixFixture) => f.db.policy.findUniqueOrThrow({ where: { orgId_scope: { orgId: f.org.id, scope: "default" } } });

/** Ensures the default scope has a valid draft and returns the policy row. */
async function withDraft(f: TMatrixFixture) {
  const policy = await defaultPolicy(f);
  if (policy.draftDocument) return policy;

  return f.db.policy.update({ where: { id: policy.id }, data: { draftDocument: defaultPolicyDocument() as Prisma.InputJsonValue } });
}

/** A revision row of the default scope (published or waiting for approval by someone else). */
async function createRevisionRow(f: TMatrixFixture, status: "published" | "pending_approval") {
  const policy = await defaultPolicy(f);
  const last = await f.db.policyRevision.findFirst({ where: { policyId: policy.id }, orderBy: { number: "desc" } });

  return f.db.policyRevision.create({
    data: { orgId: f.org.id, policyId: policy.id, number: (last?.number ?? 0) + 1, document: defaultPolicyDocument() as Prisma.InputJsonValue, digest: "0".repeat(64), status, publishedAt: status === "published" ? new Date() : null },
  });
}

async function createDevice(f: TMatrixFixture) {
  return f.db.device.create({ data: { orgId: f.org.id, name: f.unique("dev"), credentialHash: randomBytes(32).toString("hex") } });
}

/** Matrix rows for the fleet procedures (keys, policy, devices, enrollment, events, requests). */
export const FLEET_CASES: TMatrixCases = {
  "keys.get": { expected: ALL, input: () => undefined },
  "keys.rotateSigning": { expected: ADMINS, input: () => undefined },
  "keys.rotateRoot": { expected: ADMINS, input: () => undefined },
  "policy.get": { expected: ALL, input: () => ({ scope: "default" }) },
  "policy.updateDraft": { expected: ADMINS, input: async (f) => ({ scope: "default", document: defaultPolicyDocument(), baseVersion: (await defaultPolicy(f)).draftVersion }) },
  "policy.import": {
    expected: ADMINS,
    input: async (f) => ({ scope: "default", source: JSON.stringify(defaultPolicyDocument()), baseVersion: (await defaultPolicy(f)).draftVersion }),
  },
  "policy.publish": {
    expected: ADMINS,
    input: async (f) => {
      await withDraft(f);

      return { scope: "default", note: "matrix" };
    },
  },
  "policy.approve": { expected: ADMINS, input: async (f) => ({ revisionId: (await createRevisionRow(f, "pending_approval")).id }) },
  "policy.revisions": { expected: ALL, input: () => ({ scope: "default" }) },
  "policy.rollback": { expected: ADMINS, input: async (f) => ({ scope: "default", revisionNumber: (await createRevisionRow(f, "published")).number }) },
  "enrollment.create": { expected: ADMINS, input: () => ({ scope: "default", expiresInHours: 1, maxUses: 1 }) },
  "enrollment.list": { expected: READERS, input: () => undefined },
  "enrollment.revoke": {
    expected: ADMINS,
    input: async (f) => {
      const token = await f.db.enrollmentToken.create({
        data: { orgId: f.org.id, prefix: "ege_test", tokenHash: randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() + 3600_000) },
      });

      return { tokenId: token.id };
    },
  },
  "devices.list": { expected: READERS, input: () => undefined },
  "devices.revoke": { expected: ADMINS, input: async (f) => ({ deviceId: (await createDevice(f)).id, reason: "matrix" }) },
  "events.list": { expected: READERS, input: () => undefined },
  "requests.list": { expected: READERS, input: () => undefined },
  "requests.decide": {
    expected: DECIDERS,
    input: async (f) => {
      const device = await createDevice(f);
      const request = await f.db.accessRequest.create({ data: { orgId: f.org.id, deviceId: device.id, kind: "host", target: "example.com", reason: "matrix" } });

      return { requestId: request.id, decision: "deny", note: "not needed" };
    },
  },
};
