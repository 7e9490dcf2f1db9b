import { mkdtempSync, rmSync } from "node:fs";
import type * as TOs from "node:os";
import { join } from "node:path";
import { AGENTS, compilePolicy, compilePolicyIndex, defaultPolicyDocument, indexPolicy, redactText } from "@egress/policy/engine";

import { fingerprintState, readHookCache } from "../state/hook-cache";
import { statePaths } from "../state/paths";
import { decideHookInput } from "./decide";
import { buildEvent } from "./record";

// Build-time only (never on a developer's tool call): build.mjs loads dist/hook.cjs, calls this,
// then saves V8's code cache of the bundle. Every function run here is stored compiled, so a real
// hook call neither parses nor compiles it again. Touches no state: a throwaway directory only.

const SAMPLES: { tool: string; input: Record<string, unknown> }[] = [
  { tool: "mcp__fetcher__fetch", input: { url: "https://api.example.com/v1/items?q=1" } },
  { tool: "WebFetch", input: { url: "https://docs.example.com/guide", prompt: "summarize" } },
  { tool: "Bash", input: { command: "curl -sS https://api.example.com/x -H 'accept: application/json'" } },
  { tool: "Bash", input: { command: "git push origin main && echo $(date) | bash -c 'wget -qO- http://example.org'" } },
  { tool: "Bash", input: { command: "ls -la src && npm test" } },
  { tool: "Write", input: { file_path: "/tmp/notes.txt", content: "token ghp_0123456789abcdefghijABCDEFGHIJ012345 and AKIAIOSFODNN7EXAMPLE" } },
  { tool: "mcp__github__create_issue", input: { owner: "acme", repo: "web", title: "x", body: "see https://evil.example.net" } },
];

function rawInput(agent: string, sample: { tool: string; input: Record<string, unknown> }): string {
  switch (agent) {
    case "cursor":
      return JSON.stringify({ hook_event_name: "preToolUse", tool_name: sample.tool, tool_input: sample.input, cwd: "/tmp" });
    case "gemini-cli":
      return JSON.stringify({ hook_event_name: "BeforeTool", tool_name: sample.tool, tool_input: sample.input, cwd: "/tmp" });
    case "copilot":
      return JSON.stringify({ toolName: sample.tool, toolArgs: JSON.stringify(sample.input), cwd: "/tmp" });
    default:
      return JSON.stringify({ session_id: "warmup", hook_event_name: "PreToolUse", tool_name: sample.tool, tool_input: sample.input, cwd: "/tmp" });
  }
}

/** Decides every sample for every agent against a sample policy loaded through the precompiled path */
export function warmHookCode(): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dir = mkdtempSync(join((require("node:os") as typeof TOs).tmpdir(), "egress-warmup-"));
  try {
    const paths = statePaths(dir);
    const state = fingerprintState(paths);
    if (state) readHookCache({ paths, state, now: new Date() });
    const policy = { ...defaultPolicyDocument(), hosts: { allow: ["api.example.com", "*.example.org", "github.com"], deny: [], loopback: "allow" as const } };
    const compiled = compilePolicyIndex(JSON.parse(JSON.stringify(indexPolicy(policy))));
    compilePolicy(policy);
    let decided = 0;
    for (const agent of AGENTS) {
      for (const sample of SAMPLES) {
        const outcome = decideHookInput({ agent, raw: rawInput(agent, sample), source: { kind: "ok", compiled, version: 1 }, stateDir: dir, homeDir: dir });
        buildEvent({ agent, call: outcome.call, decision: outcome.decision, policyVersion: 1, now: new Date(), user: "warmup", dlp: compiled.dlp?.compiled });
        decided += 1;
      }
    }
    redactText("Authorization: Bearer abc.def.ghi", compiled.dlp?.compiled);

    return decided;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
