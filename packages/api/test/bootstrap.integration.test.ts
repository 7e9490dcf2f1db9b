import { afterEach, describe, expect, it } from "vitest";
import type { TTestDatabase } from "@egress/db/testing";
import { verifyPasswordSignIn } from "../src/services/auth/verify-password-sign-in";
import { bootstrapFirstRun } from "../src/services/bootstrap/bootstrap-first-run";
import { openTestDatabase, TEST_KEK } from "./helpers";

const opened: TTestDatabase[] = [];
async function emptyDatabase() {
  const database = await openTestDatabase();
  opened.push(database);

  return database.prisma;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.close()));
});

describe("first run", () => {
  it("on an empty database creates the demo org, its owner with a printed generated password, keys and the default policy; then never again", async () => {
    const db = await emptyDatabase();
    const lines: string[] = [];
    const env = { PORT: "4100" };
    const result = await bootstrapFirstRun({ db, env, log: (m) => lines.push(m), kek: TEST_KEK });
    expect(result).toMatchObject({ status: "created", email: "admin@egress.local", isPasswordGenerated: true });
    const block = lines.join("\n");
    expect(block).toContain("http://localhost:4100");
    expect(block).toContain("admin@egress.local");
    const password = /password: (\S+)/.exec(block)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect((await verifyPasswordSignIn({ db, email: "admin@egress.local", password })).status).toBe("ok");

    const org = await db.organization.findUniqueOrThrow({ where: { slug: "demo" } });
    expect(org.name).toBe("Demo Org");
    expect(await db.membership.findFirst({ where: { orgId: org.id, role: "owner" }, include: { user: true } })).toMatchObject({ user: { email: "admin@egress.local" } });
    expect(await db.signingKey.count({ where: { orgId: org.id } })).toBe(2);
    expect((await db.policy.findUniqueOrThrow({ where: { orgId_scope: { orgId: org.id, scope: "default" } } })).draftDocument).toMatchObject({ version: 1 });
    expect(JSON.stringify(await db.auditEvent.findMany())).not.toContain(password);

    const again: string[] = [];
    expect(await bootstrapFirstRun({ db, env, log: (m) => again.push(m), kek: TEST_KEK })).toEqual({ status: "skipped" });
    expect(again).toEqual([]);
    expect(await db.organization.count()).toBe(1);
    expect(await db.user.count()).toBe(1);
  });

  it("uses EGRESS_ADMIN_EMAIL / EGRESS_ADMIN_PASSWORD, refuses a weak password and creates nothing then", async () => {
    const db = await emptyDatabase();
    const weak = await bootstrapFirstRun({ db, env: { EGRESS_ADMIN_PASSWORD: "short" }, log: () => undefined, kek: TEST_KEK }).catch((e: unknown) => e);
    expect(weak).toMatchObject({ code: "BAD_REQUEST", message: "EGRESS_ADMIN_PASSWORD rejected: password too short: use at least 12 characters" });
    expect(await db.user.count()).toBe(0);

    const lines: string[] = [];
    const env = { EGRESS_ADMIN_EMAIL: "Sec@Corp.Example", EGRESS_ADMIN_PASSWORD: "operator chosen password" };
    expect(await bootstrapFirstRun({ db, env, log: (m) => lines.push(m), kek: TEST_KEK })).toMatchObject({ status: "created", email: "sec@corp.example", isPasswordGenerated: false });
    expect(lines.join("\n")).toContain("sec@corp.example");
    expect((await verifyPasswordSignIn({ db, email: "sec@corp.example", password: "operator chosen password" })).status).toBe("ok");
  });

  it("does nothing when any user exists", async () => {
    const db = await emptyDatabase();
    await db.user.create({ data: { email: "someone@example.test" } });
    expect(await bootstrapFirstRun({ db, env: {}, log: () => undefined, kek: TEST_KEK })).toEqual({ status: "skipped" });
    expect(await db.organization.count()).toBe(0);
  });
});
