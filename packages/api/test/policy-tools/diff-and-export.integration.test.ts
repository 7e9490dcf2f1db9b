import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTestDatabase } from "@egress/db/testing";
import { defaultPolicyDocument } from "@egress/policy";
import { diffPolicy } from "../../src/services/policy-tools/diff-policy";
import { exportPolicy } from "../../src/services/policy-tools/export-policy";
import { findPolicyScopes } from "../../src/services/policy-tools/find-scopes";
import { openTestDatabase } from "../helpers";
import { addRevision, createDevice, createToolsOrg, documentWith, setDraft, toolsCallerFor } from "./fixtures";

let database: TTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("policyTools.diff", () => {
  it("compares the draft with the published revision by meaning and as text", async () => {
    const db = database.prisma;
    const { org, actor } = await createToolsOrg(db);
    await addRevision(db, { orgId: org.id, document: defaultPolicyDocument() });
    await setDraft(db, {
      orgId: org.id,
      document: documentWith((d) => {
        d.mode = "observe";
        d.hosts.allow.push("api.example.com");
        d.hosts.allow = d.hosts.allow.filter((h) => h !== "pypi.org");
        d.mcp.connectors.push({ name: "github", tools: ["mcp__github__*"], owners: ["acme"] });
      }),
    });

    const diff = await diffPolicy({ db, actor, input: { scope: "default", from: { type: "published" }, to: { type: "draft" } } });

    expect(diff.from.label).toBe("published (revision 1)");
    const kinds = (diff.changes ?? []).map((c) => `${c.kind}:${c.summary}`);
    expect(kinds).toContain("mode.changed:mode: \"enforce\" → \"observe\"");
    expect(kinds).toContain("hosts.allow.added:allowed host added: api.example.com");
    expect(kinds).toContain("hosts.allow.removed:allowed host removed: pypi.org");
    expect(kinds).toContain("mcp.connector.added:connector added: github");
    expect(diff.lines.some((l) => l.op === "+" && l.text.includes("api.example.com"))).toBe(true);
    expect(diff.lines.some((l) => l.op === "-" && l.text.includes("pypi.org"))).toBe(true);
    expect(diff.isIdentical).toBe(false);
  });

  it("compares two revisions, and a scope with nothing published against an empty document", async () => {
    const db = database.prisma;
    const { org, actor } = await createToolsOrg(db);
    await setDraft(db, { orgId: org.id, document: documentWith((d) => d.hosts.allow.push("only-draft.example.com")) });
    const fresh = await diffPolicy({ db, actor, input: { scope: "default", from: { type: "published" }, to: { type: "draft" } } });
    expect(fresh.from).toEqual({ label: "nothing published", exists: false, errors: [] });
    expect(fresh.changes?.some((c) => c.summary === "allowed host added: only-draft.example.com")).toBe(true);

    await addRevision(db, { orgId: org.id, document: defaultPolicyDocument() });
    await addRevision(db, { orgId: org.id, document: documentWith((d) => (d.hosts.deny = ["evil.example.com"])) });
    const between = await diffPolicy({ db, actor, input: { scope: "default", from: { type: "revision", number: 1 }, to: { type: "revision", number: 2 } } });
    expect(between.changes?.map((c) => c.summary)).toEqual(["denied host added: evil.example.com"]);
    const same = await diffPolicy({ db, actor, input: { scope: "default", from: { type: "revision", number: 1 }, to: { type: "revision", number: 1 } } });
    expect(same.isIdentical).toBe(true);
    expect(same.changes).toEqual([]);
  });

  it("reports an invalid draft's problems instead of a semantic diff", async () => {
    const db = database.prisma;
    const { org, actor } = await createToolsOrg(db);
    await addRevision(db, { orgId: org.id, document: defaultPolicyDocument() });
    await setDraft(db, { orgId: org.id, document: { version: 1, hosts: { allow: ["https://not-a-host.example.com/x"] } } });

    const diff = await diffPolicy({ db, actor, input: { scope: "default", from: { type: "published" }, to: { type: "draft" } } });

    expect(diff.changes).toBeNull();
    expect(diff.to.errors[0]?.path).toBe("hosts.allow.0");
  });

  it("never reads another organization's revisions (NOT_FOUND), and viewers may diff", async () => {
    const db = database.prisma;
    const mine = await createToolsOrg(db);
    const theirs = await createToolsOrg(db);
    await addRevision(db, { orgId: theirs.org.id, document: documentWith((d) => d.hosts.allow.push("secret.theirs.example.com")) });

    await expect(diffPolicy({ db, actor: mine.actor, input: { scope: "default", from: { type: "revision", number: 1 }, to: { type: "draft" } } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const asViewer = toolsCallerFor(db, mine.users.viewer, mine.org.id);
    await expect(asViewer.diff({ scope: "default", from: { type: "revision", number: 1 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const asOutsider = toolsCallerFor(db, theirs.users.owner, mine.org.id);
    await expect(asOutsider.diff({ scope: "default" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await asViewer.diff({ scope: "default" })).to.label).toBe("draft (starter)");
  });
});

describe("policyTools.export", () => {
  it("exports the draft as stored, and a revision, as pretty JSON with a telling file name", async () => {
    const db = database.prisma;
    const { org, actor } = await createToolsOrg(db);
    const draft = { version: 1, mode: "observe", hosts: { allow: ["example.com"] } };
    await setDraft(db, { orgId: org.id, document: draft });
    await addRevision(db, { orgId: org.id, document: defaultPolicyDocument() });

    const exported = await exportPolicy({ db, actor, input: { scope: "default", ref: { type: "draft" } } });
    expect(JSON.parse(exported.json)).toEqual(draft);
    expect(exported.fileName).toBe("egress-policy-default-draft.json");
    const revision = await exportPolicy({ db, actor, input: { scope: "default", ref: { type: "revision", number: 1 } } });
    expect(revision.fileName).toBe("egress-policy-default-revision-1.json");
    expect(JSON.parse(revision.json)).toEqual(JSON.parse(JSON.stringify(defaultPolicyDocument())));
    await expect(exportPolicy({ db, actor, input: { scope: "default", ref: { type: "revision", number: 9 } } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("policyTools.scopes and schema", () => {
  it("lists scopes with published revision, mode and assigned devices", async () => {
    const db = database.prisma;
    const { org, actor, users } = await createToolsOrg(db);
    await addRevision(db, { orgId: org.id, scope: "contractors", document: documentWith((d) => (d.mode = "observe")) });
    await createDevice(db, { orgId: org.id, scope: "contractors" });
    await createDevice(db, { orgId: org.id, scope: "contractors" });

    const scopes = await findPolicyScopes({ db, actor });
    const contractors = scopes.find((s) => s.scope === "contractors");
    expect(scopes.map((s) => s.scope)).toEqual(["contractors", "default"]);
    expect(contractors?.devices).toBe(2);
    expect(contractors?.published).toMatchObject({ revision: 1, mode: "observe" });
    expect(scopes.find((s) => s.scope === "default")?.published).toBeNull();

    const schema = await toolsCallerFor(db, users.viewer, org.id).schema();
    expect((schema.schema.properties as Record<string, unknown>).hosts).toBeDefined();
  });
});
