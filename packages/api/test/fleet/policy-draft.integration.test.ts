import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTestDatabase } from "@egress/db/testing";
import { callerFor, openTestDatabase } from "../helpers";
import { addMember, policyWith, setupOrg } from "./fleet-helpers";

let database: TTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("policy drafts over tRPC", () => {
  it("a stale baseVersion is CONFLICT naming who changed the draft, and the newer draft is kept", async () => {
    const db = database.prisma;
    const { org, owner } = await setupOrg(db);
    const { user: admin } = await addMember(db, org.id, "admin");
    const asOwner = callerFor(db, owner, org.id);
    const asAdmin = callerFor(db, admin, org.id);
    const { draftVersion } = await asOwner.policy.get({ scope: "default" });
    const saved = await asAdmin.policy.updateDraft({ scope: "default", document: policyWith(["admin.example.com"]), baseVersion: draftVersion });
    expect(saved.draftVersion).toBe(draftVersion + 1);
    const stale = asOwner.policy.updateDraft({ scope: "default", document: policyWith(["owner.example.com"]), baseVersion: draftVersion });
    await expect(stale).rejects.toBeInstanceOf(TRPCError);
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(admin.email) as string });
    const current = await asOwner.policy.get({ scope: "default" });
    expect((current.draft as { hosts: { allow: string[] } }).hosts.allow).toEqual(["admin.example.com"]);
    expect(current.draftUpdatedBy).toBe(admin.email);
  });

  it("imports a cross-provider-egress-guard file into the draft and returns the importer's report", async () => {
    const db = database.prisma;
    const { org, owner } = await setupOrg(db);
    const caller = callerFor(db, owner, org.id);
    const { draftVersion } = await caller.policy.get({ scope: "default" });
    const source = JSON.stringify({ deny: ["mcp__evil__*"], egress: { default: "deny", allow_hosts: ["api.github.com", "pypi.org"], mystery_knob: true } });
    const result = await caller.policy.import({ scope: "default", source, baseVersion: draftVersion });
    expect(result.report.map((r) => r.path)).toContain("egress.mystery_knob");
    const draft = (await caller.policy.get({ scope: "default" })).draft as { version: number; hosts: { allow: string[] }; tools: { deny: string[] } };
    expect(draft.version).toBe(1);
    expect(draft.hosts.allow).toEqual(expect.arrayContaining(["api.github.com", "pypi.org"]));
    expect(draft.tools.deny).toContain("mcp__evil__*");
    await expect(caller.policy.import({ scope: "default", source: "{not json", baseVersion: result.draftVersion })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
  });

  it("publishes through tRPC and lists revisions with their snapshot versions", async () => {
    const db = database.prisma;
    const { org, owner } = await setupOrg(db);
    const caller = callerFor(db, owner, org.id);
    const { draftVersion } = await caller.policy.get({ scope: "default" });
    await caller.policy.updateDraft({ scope: "default", document: policyWith(["p.example.com"]), baseVersion: draftVersion });
    const published = await caller.policy.publish({ scope: "default", note: "first" });
    expect(published.status).toBe("published");
    const revisions = await caller.policy.revisions({ scope: "default" });
    expect(revisions.map((r) => ({ number: r.number, versions: r.snapshotVersions, by: r.createdBy }))).toEqual([{ number: 1, versions: [1], by: owner.email }]);
    const policy = await caller.policy.get({ scope: "default" });
    expect(policy.published).toMatchObject({ revision: 1, snapshotVersion: 1 });
  });
});
