import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { runCli, runHook, tempHome } from "../../support/cli";
import type { TRunResult } from "../../support/cli";

// One developer machine: an EGRESS_SYNC_HOME and the built CLI run as a subprocess.

export type TDevice = {
  home: string;
  run: (args: string[], opts?: { env?: Record<string, string>; input?: string; timeoutMs?: number }) => Promise<TRunResult>;
  json: (args: string[], opts?: { env?: Record<string, string> }) => Promise<{ code: number; json: Record<string, unknown>; stderr: string }>;
  hook: (input: unknown, agent?: string) => Promise<TRunResult>;
  /** The files a failed pull must leave byte for byte intact */
  cache: () => Record<string, string>;
  credential: () => string;
};

export function newDevice(prefix = "egress-e2e-home-"): TDevice {
  const home = tempHome(prefix);
  const device: TDevice = {
    home,
    run: (args, opts = {}) => runCli({ args, home, ...opts }),
    json: async (args, opts = {}) => {
      const result = await runCli({ args: [...args, "--json"], home, ...opts });
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(result.stdout) as Record<string, unknown>;
      } catch {
        throw new Error(`\`${args.join(" ")} --json\` printed no JSON (exit ${result.code}): ${result.stdout} ${result.stderr}`);
      }

      return { code: result.code, json, stderr: result.stderr };
    },
    hook: (input, agent = "claude-code") => runHook({ agent, home, input }),
    cache: () => Object.fromEntries(["snapshot.json", "last-seen.json", "root.json", "config.json", "credential"].map((file) => [file, readFileSync(join(home, file), "base64")])),
    credential: () => readFileSync(join(home, "credential"), "utf8").trim(),
  };

  return device;
}

/** A Claude Code WebFetch call */
export function webFetch(url: string): Record<string, unknown> {
  return { session_id: "s1", transcript_path: "/tmp/t.jsonl", cwd: "/tmp", permission_mode: "default", hook_event_name: "PreToolUse", tool_name: "WebFetch", tool_input: { url, prompt: "read it" }, tool_use_id: "toolu_1" };
}

/** A Claude Code Bash call */
export function bash(command: string): Record<string, unknown> {
  return { session_id: "s1", transcript_path: "/tmp/t.jsonl", cwd: "/tmp", permission_mode: "default", hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command, description: "run" }, tool_use_id: "toolu_2" };
}

/** Claude Code's decision for one hook run: "allow" | "deny", and the reason */
export function claudeDecision(result: TRunResult): { decision: string; reason: string } {
  if (result.code !== 0) throw new Error(`hook exited ${result.code}: ${result.stderr}`);
  const out = JSON.parse(result.stdout) as { hookSpecificOutput?: { permissionDecision?: string; permissionDecisionReason?: string } };

  return { decision: out.hookSpecificOutput?.permissionDecision ?? "allow", reason: out.hookSpecificOutput?.permissionDecisionReason ?? "" };
}

let clockModule: string | undefined;

/**
 * Environment for a CLI run whose system clock is `offsetMs` ahead (a preloaded module shifts
 * `Date`, like libfaketime would): how time passing looks to the device
 */
export function clockAhead(offsetMs: number): Record<string, string> {
  if (!clockModule) {
    clockModule = join(mkdtempSync(join(tmpdir(), "egress-e2e-clock-")), "clock.cjs");
    writeFileSync(
      clockModule,
      [
        "const offset = Number(process.env.EGRESS_E2E_CLOCK_OFFSET_MS || 0);",
        "const RealDate = Date;",
        "class ShiftedDate extends RealDate {",
        "  constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }",
        "  static now() { return RealDate.now() + offset; }",
        "}",
        "globalThis.Date = ShiftedDate;",
        "",
      ].join("\n"),
    );
  }

  return { NODE_OPTIONS: `--require ${clockModule}`, EGRESS_E2E_CLOCK_OFFSET_MS: String(offsetMs) };
}
