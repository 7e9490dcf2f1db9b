/** Policy document schema, JSON Schema export, importer, diff and policy tests. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { defaultPolicyDocument, diffPolicies, importCrossProviderPolicy, isCrossProviderPolicy, parsePolicyDocument, policyJsonSchema, runPolicyTests } from "../src/index.js";

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", `${name}.json`), "utf8"));

describe("parsePolicyDocument", () => {
  test("the starter policy is valid and round-trips", () => {
    const r = parsePolicyDocument(defaultPolicyDocument());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.policy).toEqual(defaultPolicyDocument());
  });
  test("a minimal document gets defaults", () => {
    const r = parsePolicyDocument({ version: 1 });
    expect(r.ok && r.policy.mode).toBe("enforce");
    expect(r.ok && r.policy.mcp.unknownServers).toBe("deny");
  });
  test.each([
    [{ version: 2 }, "version"],
    [{ version: 1, extra: true }, "(root)"],
    [{ version: 1, hosts: { allow: ["github.com"], alow: [] } }, "hosts"],
    [{ version: 1, logLevel: 3 }, "logLevel"],
    [{ version: 1, mode: "audit" }, "mode"],
    [{ version: 1, hosts: { allow: ["*.co.uk"] } }, "hosts.allow.0"],
    [{ version: 1, hosts: { allow: ["*.vercel.app"] } }, "hosts.allow.0"],
    [{ version: 1, hosts: { allow: ["https://github.com/x"] } }, "hosts.allow.0"],
    [{ version: 1, hosts: { allow: ["git*hub.com"] } }, "hosts.allow.0"],
    [{ version: 1, dlp: { enabled: ["no-such-rule"] } }, "dlp.enabled.0"],
    [{ version: 1, dlp: { custom: [{ id: "x-token", pattern: "(a+)+" }] } }, "dlp.custom.0.pattern"],
    [{ version: 1, tests: [{ name: "t", agent: "windsurf", input: {}, expect: "deny" }] }, "tests.0.agent"],
  ])("rejects %j at %s", (doc, path) => {
    const r = parsePolicyDocument(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.path)).toContain(path);
      for (const e of r.errors) expect(e.message).not.toMatch(/\.$/);
    }
  });
  test("accepts logLevel 0, 1 and 2 and host forms", () => {
    for (const logLevel of [0, 1, 2]) expect(parsePolicyDocument({ version: 1, logLevel }).ok).toBe(true);
    expect(parsePolicyDocument({ version: 1, hosts: { allow: ["*.anthropic.com", "api.example.com:8443", "10.0.0.1", "[::1]:8080", "bücher.de"] } }).ok).toBe(true);
  });
  test("JSON Schema export describes the document", () => {
    const s = policyJsonSchema();
    expect(s.type).toBe("object");
    expect(Object.keys(s.properties as object)).toEqual(expect.arrayContaining(["version", "mode", "hosts", "mcp", "shell", "dlp", "tests", "logLevel"]));
    expect(s.additionalProperties).toBe(false);
  });
});

describe("importCrossProviderPolicy", () => {
  test("detects cpeg documents and not native ones", () => {
    expect(isCrossProviderPolicy(fixture("cpeg-r12"))).toBe(true);
    expect(isCrossProviderPolicy({ deny: [] })).toBe(true);
    expect(isCrossProviderPolicy(defaultPolicyDocument())).toBe(false);
    expect(isCrossProviderPolicy("x")).toBe(false);
  });
  test("maps every egress field", () => {
    const r = importCrossProviderPolicy(fixture("cpeg-r12"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.policy;
    expect(p.hosts.allow).toContain("*.anthropic.com");
    expect(p.mcp.localServers).toContain("bridge-db");
    expect(p.tools.urlTools).toContain("mcp__*browser_navigate*");
    expect(p.mcp.connectorTools).toEqual(["mcp__codex_apps__*", "mcp__claude_ai_*"]);
    expect(p.mcp.connectors.map((c) => c.tools[0])).toContain("mcp__codex_apps__github*");
    expect(p.mcp.ownerScopes).toEqual([{ tools: ["mcp__*github*"], owners: ["example-owner"] }]);
    expect(p.tools.networkNameGlobs).toContain("mcp__*webhook*");
    expect(p.shell.git.writeOwners).toEqual(["example-owner"]);
    expect(p.shell.git.writeHosts).toEqual(["github.com"]);
    expect(r.report.map((x) => x.path)).toContain("egress.max_payload_bytes_to_novel_host");
  });
  test("reports what it cannot map instead of dropping it silently", () => {
    const r = importCrossProviderPolicy({ require_token: ["mcp__x__deploy"], egress: { default: "deny", allow_hosts: ["*.vercel.app", "api.*", "github.com"], frobnicate: 1 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.hosts.allow).toEqual(["github.com"]);
    expect(r.policy.tools.deny).toContain("mcp__x__deploy");
    const paths = r.report.map((x) => x.path);
    expect(paths).toEqual(expect.arrayContaining(["egress.allow_hosts.0", "egress.allow_hosts.1", "egress.frobnicate", "require_token"]));
  });
  test("rejects malformed input with paths", () => {
    const r = importCrossProviderPolicy({ egress: { default: "deny", allow_hosts: "github.com" } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.path).toBe("egress.allow_hosts");
  });
});

describe("diffPolicies and runPolicyTests", () => {
  test("diff reports hosts, connectors and mode", () => {
    const a = defaultPolicyDocument();
    const b = defaultPolicyDocument();
    b.mode = "observe";
    b.hosts.allow = [...b.hosts.allow.filter((h) => h !== "pypi.org"), "api.newvendor.io"];
    b.mcp.connectors = [{ name: "github", tools: ["mcp__github__*"], owners: ["acme"] }];
    const kinds = diffPolicies(a, b).map((c) => `${c.kind}:${String(c.after ?? c.before)}`);
    expect(kinds).toEqual(expect.arrayContaining(["mode.changed:observe", "hosts.allow.added:api.newvendor.io", "hosts.allow.removed:pypi.org"]));
    expect(diffPolicies(a, b).some((c) => c.kind === "mcp.connector.added")).toBe(true);
    expect(diffPolicies(a, a)).toEqual([]);
  });
  test("policy tests pass and fail", () => {
    const p = defaultPolicyDocument();
    p.tests = [
      { name: "pastebin stays blocked", agent: "claude-code", input: { tool_name: "WebFetch", tool_input: { url: "https://pastebin.com/x", prompt: "p" } }, expect: "deny", rule: "hosts.not_allowed" },
      { name: "github allowed", agent: "codex", input: { tool_name: "Bash", tool_input: { command: "curl https://github.com" } }, expect: "allow" },
      { name: "wrong expectation", agent: "cursor", input: { hook_event_name: "beforeShellExecution", command: "ls" }, expect: "deny" },
    ];
    expect(runPolicyTests(p).map((r) => r.passed)).toEqual([true, true, false]);
  });
});
