import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTestDatabase } from "@egress/db/testing";
import { defaultPolicyDocument } from "@egress/policy";
import { IMPACT_MAX_TUPLES, previewImpact } from "../../src/services/policy-tools/impact-preview";
import { openTestDatabase } from "../helpers";
import { addRevision, createDevice, createToolsOrg, documentWith, seedEvents, setDraft, toolsCallerFor } from "./fixtures";

let database: TTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("policyTools.impact", () => {
  it("shows which recorded calls the draft would newly allow or block, by destination, device and user", async () => {
    const db = database.prisma;
    const { org, actor } = await createToolsOrg(db);
    await addRevision(db, { orgId: org.id, document: defaultPolicyDocument() });
    await setDraft(db, {
      orgId: org.id,
      document: documentWith((d) => {
        d.hosts.allow.push("docs.vendor.example.com");
        d.hosts.allow = d.hosts.allow.filter((h) => h !== "developer.mozilla.org");
      }),
    });
    const laptop = await createDevice(db, { orgId: org.id, name: "alice-laptop" });
    const desktop = await createDevice(db, { orgId: org.id, name: "bob-desktop" });
    const contractor = await createDevice(db, { orgId: org.id, scope: "contractors", name: "contractor-box" });
    const theirs = await createToolsOrg(db);
    const theirDevice = await createDevice(db, { orgId: theirs.org.id });
    await seedEvents(db, [
      { orgId: org.id, deviceId: laptop.id, tool: "WebFetch", kind: "fetch", destination: "docs.vendor.example.com", rule: "hosts.not_allowed", userName: "alice", count: 3 },
      { orgId: org.id, deviceId: desktop.id, tool: "Bash", kind: "shell", destination: "docs.vendor.example.com", rule: "hosts.not_allowed", userName: "bob", count: 2 },
      { orgId: org.id, deviceId: laptop.id, tool: "WebFetch", kind: "fetch", destination: "developer.mozilla.org", decision: "allow", rule: "hosts.allowed", userName: "alice", count: 4 },
      { orgId: org.id, deviceId: laptop.id, tool: "WebFetch", kind: "fetch", destination: "still-blocked.example.net", userName: "alice" },
      // Outside the window, another scope's device, another tenant: never counted.
      { orgId: org.id, deviceId: laptop.id, tool: "WebFetch", kind: "fetch", destination: "docs.vendor.example.com", userName: "alice", daysAgo: 30 },
      { orgId: org.id, deviceId: contractor.id, tool: "WebFetch", kind: "fetch", destination: "docs.vendor.example.com", userName: "carol" },
      { orgId: theirs.org.id, deviceId: theirDevice.id, tool: "WebFetch", kind: "fetch", destination: "docs.vendor.example.com", userName: "mallory", count: 5 },
    ]);

    const impact = await previewImpact({ db, actor, input: { scope: "default", days: 7 } });

    expect(impact.baseline).toBe("published (revision 1)");
    expect(impact.totals).toMatchObject({ events: 10, newlyAllowed: 5, newlyBlocked: 4, unreplayable: 0 });
    expect(impact.isCapped).toBe(false);
    const allowed = impact.changes.filter((c) => c.direction === "newly_allowed");
    expect(allowed.map((c) => [c.tool, c.destination, c.events])).toEqual([
      ["WebFetch", "docs.vendor.example.com", 3],
      ["Bash", "docs.vendor.example.com", 2],
    ]);
    expect(allowed[0]?.before).toMatchObject({ effect: "deny", rule: "hosts.not_allowed" });
    expect(allowed[0]?.devices).toEqual([{ id: laptop.id, name: "alice-laptop", events: 3 }]);
    const blocked = impact.changes.find((c) => c.direction === "newly_blocked");
    expect(blocked).toMatchObject({ destination: "developer.mozilla.org", events: 4, after: { effect: "deny", rule: "hosts.not_allowed" } });
    expect(impact.byDestination).toEqual([
      { destination: "docs.vendor.example.com", newlyAllowed: 5, newlyBlocked: 0 },
      { destination: "developer.mozilla.org", newlyAllowed: 0, newlyBlocked: 4 },
    ]);
    expect(impact.byUser).toEqual([
      { userName: "alice", newlyAllowed: 3, newlyBlocked: 4 },
      { userName: "bob", newlyAllowed: 2, newlyBlocked: 0 },
    ]);
    expect(impact.byDevice.map((d) => d.deviceName)).toEqual(["alice-laptop", "bob-desktop"]);
    expect(JSON.stringify(impact)).not.toContain("mallory");
    expect(JSON.stringify(impact)).not.toContain("carol");
  });

  it("previews an unsaved working copy, compares with recorded decisions when nothing is published, and counts mode switches", async () => {
    const db = database.prisma;
    const { org, actor } = await createToolsOrg(db);
    const device = await createDevice(db, { orgId: org.id });
    await seedEvents(db, [
      { orgId: org.id, deviceId: device.id, tool: "WebFetch", kind: "fetch", destination: "paste.example.org", userName: "dana", count: 2 },
      { orgId: org.id, deviceId: device.id, tool: "mcp__slack__post_message", kind: "mcp", destination: "mcp:slack", userName: "dana" },
    ]);

    const observe = await previewImpact({ db, actor, input: { scope: "default", days: 7, document: documentWith((d) => (d.mode = "observe")) } });
    expect(observe.baseline).toBe("recorded decisions (nothing published)");
    expect(observe.draftLabel).toBe("working copy");
    expect(observe.totals.newlyAllowed).toBe(3);

    const connector = await previewImpact({ db, actor, input: { scope: "default", days: 7, document: documentWith((d) => d.mcp.connectors.push({ name: "slack", tools: ["mcp__slack__*"] })) } });
    expect(connector.changes.map((c) => [c.destination, c.after.rule])).toEqual([["mcp:slack", "mcp.connector"]]);

    await expect(previewImpact({ db, actor, input: { scope: "default", days: 7, document: { version: 2 } } })).rejects.toMatchObject({ code: "POLICY_INVALID" });
  });

  it("aggregates distinct calls first and says when it had to cap them", async () => {
    const db = database.prisma;
    const { org, actor } = await createToolsOrg(db);
    const device = await createDevice(db, { orgId: org.id });
    await seedEvents(
      db,
      Array.from({ length: IMPACT_MAX_TUPLES + 5 }, (_, i) => ({ orgId: org.id, deviceId: device.id, tool: "WebFetch", kind: "fetch", destination: `h${i}.example.com` })),
    );

    const impact = await previewImpact({ db, actor, input: { scope: "default", days: 7 } });

    expect(impact.isCapped).toBe(true);
    expect(impact.totals.tuples).toBe(IMPACT_MAX_TUPLES);
  });

  it("is for roles that may read events: developers are FORBIDDEN, viewers may look", async () => {
    const db = database.prisma;
    const { org, users } = await createToolsOrg(db);

    await expect(toolsCallerFor(db, users.developer, org.id).impact({ scope: "default", days: 7 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await toolsCallerFor(db, users.viewer, org.id).impact({ scope: "default", days: 7 })).totals.events).toBe(0);
  });
});
