import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZEnrollResponseSchema } from "@egress/contracts";
import type { TTestDatabase } from "@egress/db/testing";
import { rootFingerprint, verifyRootDocument } from "@egress/snapshot";
import { handleEnroll } from "../../src/rest";
import { createEnrollmentToken } from "../../src/services/enrollment/create-enrollment-token";
import { revokeEnrollmentToken } from "../../src/services/enrollment/revoke-enrollment-token";
import { getKeyFingerprints } from "../../src/services/keys/get-key-fingerprints";
import { openTestDatabase } from "../helpers";
import { CONSOLE_URL, readError, restContext, restRequest, setupOrg } from "./fleet-helpers";

let database: TTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function makeToken(opts: { maxUses?: number; expiresInHours?: number } = {}) {
  const db = database.prisma;
  const { org, actor } = await setupOrg(db);
  const token = await createEnrollmentToken({ db, actor, input: { scope: "default", expiresInHours: opts.expiresInHours ?? 1, maxUses: opts.maxUses ?? 1 }, consoleUrl: CONSOLE_URL });

  return { org, actor, token };
}

const enroll = (token: string, name = "laptop") => handleEnroll(restRequest("/api/v1/enroll", { body: { token, name, hostname: "dev-1", cliVersion: "0.1.0", agents: ["claude-code"] } }), restContext(database.prisma));

describe("POST /api/v1/enroll", () => {
  it("enrolls with a valid token: credential once, hashed at rest, root pinned with the console's fingerprint", async () => {
    const db = database.prisma;
    const { org, actor, token } = await makeToken();
    expect(token.token).toMatch(/^ege_/);
    expect(token.command).toBe(`egress-sync enroll --server ${CONSOLE_URL} --token ${token.token}`);
    const res = await enroll(token.token);
    expect(res.status).toBe(201);
    const body = ZEnrollResponseSchema.parse(await res.json());
    expect(body.credential).toMatch(/^egd_/);
    expect(body.org.id).toBe(org.id);
    expect(body.scope).toBe("default");
    const root = verifyRootDocument({ envelope: body.root });
    expect(root.ok).toBe(true);
    if (!root.ok) return;
    expect(root.value.org).toBe(org.id);
    expect(body.rootFingerprint).toBe(rootFingerprint(root.value));
    expect(body.rootFingerprint).toBe((await getKeyFingerprints({ db, actor })).rootFingerprint);
    const device = await db.device.findUniqueOrThrow({ where: { id: body.deviceId } });
    expect(device.credentialHash).not.toContain(body.credential);
    expect(device.credentialHash).toMatch(/^[0-9a-f]{64}$/);
    expect(device.agents).toEqual(["claude-code"]);
    const stored = await db.enrollmentToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.tokenHash).not.toBe(token.token);
    expect(stored.uses).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "device.enrolled" } });
    expect(JSON.stringify(audit)).not.toContain(body.credential);
  });

  it("refuses an expired token with TOKEN_EXPIRED", async () => {
    const { token } = await makeToken();
    await database.prisma.enrollmentToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await enroll(token.token);
    expect(res.status).toBe(401);
    const error = await readError(res);
    expect(error.code).toBe("TOKEN_EXPIRED");
    expect(error.message).toMatch(/expired/);
  });

  it("refuses an exhausted token with TOKEN_EXHAUSTED and never goes past maxUses, even concurrently", async () => {
    const { token } = await makeToken({ maxUses: 2 });
    const results = await Promise.all([enroll(token.token, "a"), enroll(token.token, "b"), enroll(token.token, "c")]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 401]);
    const rejected = results.find((r) => r.status === 401);
    expect(rejected && (await readError(rejected)).code).toBe("TOKEN_EXHAUSTED");
    const again = await enroll(token.token);
    const error = await readError(again);
    expect(error.code).toBe("TOKEN_EXHAUSTED");
    expect(error.message).toMatch(/already used 2 of 2/);
    expect((await database.prisma.enrollmentToken.findUniqueOrThrow({ where: { id: token.id } })).uses).toBe(2);
    expect(await database.prisma.device.count({ where: { enrollmentTokenId: token.id } })).toBe(2);
  });

  it("refuses a revoked token with a message saying it was revoked", async () => {
    const { actor, token } = await makeToken({ maxUses: 5 });
    await revokeEnrollmentToken({ db: database.prisma, actor, tokenId: token.id });
    const res = await enroll(token.token);
    expect(res.status).toBe(401);
    const error = await readError(res);
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.message).toMatch(/revoked/);
  });

  it("refuses an unknown token, and a bad body with paths, without a stack trace", async () => {
    const unknown = await enroll("ege_not-a-real-token-at-all");
    expect((await readError(unknown)).message).toMatch(/not valid/);
    const bad = await handleEnroll(restRequest("/api/v1/enroll", { body: { token: "short" } }), restContext(database.prisma));
    expect(bad.status).toBe(400);
    const error = await readError(bad);
    expect(error.details?.map((d) => d.path)).toEqual(expect.arrayContaining(["token", "name"]));
    const notJson = await handleEnroll(restRequest("/api/v1/enroll", { body: "{oops" }), restContext(database.prisma));
    expect(notJson.status).toBe(400);
    expect(JSON.stringify(await notJson.json())).not.toMatch(/at .*\.ts/);
  });

  it("refuses an oversized body with PAYLOAD_TOO_LARGE", async () => {
    const res = await handleEnroll(restRequest("/api/v1/enroll", { body: { token: "x".repeat(20_000), name: "n" } }), restContext(database.prisma));
    expect(res.status).toBe(413);
    expect((await readError(res)).code).toBe("PAYLOAD_TOO_LARGE");
  });
});
