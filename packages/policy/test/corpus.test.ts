/**
 * Data-driven corpus: every `test/cases/<feature>/*.json` file is a policy (inline or a named
 * fixture in test/fixtures) plus raw hook inputs exactly as the agents send them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { AGENTS, compilePolicy, compilePolicyIndex, evaluate, importCrossProviderPolicy, indexPolicy, parseHookInput, parsePolicyDocument, renderHookOutput, type TPolicyDocument } from "../src/index.js";

const ZCaseRequestSchema = z.strictObject({
  name: z.string().min(1),
  agent: z.enum(AGENTS),
  input: z.union([z.record(z.string(), z.unknown()), z.string()]),
  gitRemotes: z.record(z.string(), z.string()).optional(),
  expect: z.strictObject({ effect: z.enum(["allow", "deny"]), rule: z.string().optional(), wouldDeny: z.boolean().optional() }),
});
const ZCaseFileSchema = z.strictObject({
  description: z.string().min(1),
  policy: z.record(z.string(), z.unknown()).optional(),
  policyFixture: z.string().optional(),
  requests: z.array(ZCaseRequestSchema).min(1),
});

const root = join(import.meta.dirname, "cases");
const fixtures = join(import.meta.dirname, "fixtures");

function loadPolicy(file: z.infer<typeof ZCaseFileSchema>): TPolicyDocument {
  const raw: unknown = file.policy ?? JSON.parse(readFileSync(join(fixtures, `${file.policyFixture ?? "native"}.json`), "utf8"));
  const imported = (file.policyFixture ?? "").startsWith("cpeg-") ? importCrossProviderPolicy(raw) : undefined;
  if (imported) {
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    return imported.policy;
  }
  const parsed = parsePolicyDocument(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.policy;
}

const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json")).sort();
const loaded = files.map((f) => ({ name: f, file: ZCaseFileSchema.parse(JSON.parse(readFileSync(join(root, f), "utf8"))) }));

/** True if `stdout`/`exitCode` is a deny in `agent`'s protocol. */
function isProtocolDeny(agent: string, out: { stdout: string; exitCode: number }): boolean {
  const j = JSON.parse(out.stdout) as Record<string, unknown>;
  switch (agent) {
    case "claude-code":
    case "codex":
      return (j.hookSpecificOutput as Record<string, unknown> | undefined)?.permissionDecision === "deny" && out.exitCode === 0;
    case "gemini-cli":
      return j.decision === "deny" && out.exitCode === 0;
    case "cursor":
      return j.permission === "deny" && typeof j.user_message === "string" && out.exitCode === 0;
    case "copilot":
      return j.permissionDecision === "deny" && out.exitCode === 0;
    default:
      return false;
  }
}

test("corpus holds at least 300 requests covering every agent", () => {
  const reqs = loaded.flatMap((l) => l.file.requests);
  expect(reqs.length).toBeGreaterThanOrEqual(300);
  for (const a of AGENTS) expect(reqs.some((r) => r.agent === a)).toBe(true);
});

describe.each(loaded)("$name", ({ file }) => {
  const policy = loadPolicy(file);
  const compiled = compilePolicy(policy);
  // The hook decides from the precompiled index written at pull: it must decide identically
  const fromIndex = compilePolicyIndex(JSON.parse(JSON.stringify(indexPolicy(policy))));
  test.each(file.requests)("$agent: $name", (req) => {
    const raw = typeof req.input === "string" ? req.input : JSON.stringify(req.input);
    const parsed = parseHookInput(req.agent, raw);
    const decision = parsed.ok ? evaluate(parsed.call, compiled, { gitRemotes: req.gitRemotes, homeDir: "/home/dev" }) : parsed.decision;
    if (parsed.ok) expect(evaluate(parsed.call, fromIndex, { gitRemotes: req.gitRemotes, homeDir: "/home/dev" })).toEqual(decision);
    expect({ effect: decision.effect, rule: req.expect.rule === undefined ? undefined : decision.rule, reason: decision.reason }).toMatchObject({ effect: req.expect.effect, rule: req.expect.rule });
    if (req.expect.wouldDeny !== undefined) expect(decision.wouldDeny === true).toBe(req.expect.wouldDeny);
    const out = renderHookOutput(req.agent, decision, parsed.ok ? parsed.call : undefined);
    expect(isProtocolDeny(req.agent, out)).toBe(decision.effect === "deny");
    if (decision.requestCommand !== undefined) expect(decision.reason.endsWith(decision.requestCommand)).toBe(true);
  });
});
