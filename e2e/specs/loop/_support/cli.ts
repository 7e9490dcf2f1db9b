import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The BUILT CLI (`npm run build -w egress-sync`); the loop never runs its sources. */
export const CLI_BIN = path.resolve(import.meta.dirname, "../../../../apps/cli/dist/egress-sync.cjs");

export type TCliResult = { code: number; stdout: string; stderr: string };

/** A developer machine: its own EGRESS_SYNC_HOME (and HOME) in a temp dir. */
export function newMachine(): { home: string; run: (args: string[], input?: string) => Promise<TCliResult>; json: <T>(args: string[]) => Promise<T & { ok: boolean }> } {
  if (!existsSync(CLI_BIN)) throw new Error(`built CLI missing at ${CLI_BIN}: run \`npm run build -w egress-sync\``);
  const home = mkdtempSync(path.join(tmpdir(), "egress-loop-"));
  const run = (args: string[], input = "") =>
    new Promise<TCliResult>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI_BIN, ...args], {
        // The hook daemon stays on, as on a developer's machine; it exits 5 s after the last call
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, EGRESS_SYNC_HOME: home, LANG: "C.UTF-8", EGRESS_SYNC_HOOKD_IDLE_MS: "5000" },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      child.on("error", reject);
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr });
      });
      child.stdin.on("error", () => undefined);
      child.stdin.end(input);
    });
  const json = async <T,>(args: string[]) => {
    const result = await run([...args, "--json"]);
    try {
      return JSON.parse(result.stdout) as T & { ok: boolean };
    } catch {
      throw new Error(`egress-sync ${args.join(" ")} printed no JSON (exit ${result.code}): ${result.stdout}\n${result.stderr}`);
    }
  };

  return { home, run, json };
}

/** A Claude Code PreToolUse hook input for a Bash command (the agent's exact format). */
export function claudeBash(command: string): string {
  return JSON.stringify({ session_id: "loop", transcript_path: "/tmp/loop.jsonl", cwd: "/tmp", permission_mode: "default", hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command, description: "run" }, tool_use_id: "toolu_loop" });
}

type THookOutput = { hookSpecificOutput?: { hookEventName?: string; permissionDecision?: string; permissionDecisionReason?: string } };

/**
 * Runs `egress-sync hook claude-code` and reads Claude Code's protocol: a structured
 * `permissionDecision: "deny"` with its reason, or `{}` (exit 0) for "no objection", which the
 * hook prints for an allow (it never grants more than the agent's own prompts would).
 */
export async function claudeDecision(machine: ReturnType<typeof newMachine>, command: string) {
  const result = await machine.run(["hook", "claude-code"], claudeBash(command));
  if (result.code !== 0) throw new Error(`hook exited ${result.code}: ${result.stderr}`);
  const output = JSON.parse(result.stdout) as THookOutput;
  const isNoObjection = Object.keys(output).length === 0;

  return {
    stdout: result.stdout.trim(),
    event: output.hookSpecificOutput?.hookEventName,
    decision: isNoObjection ? "allow" : output.hookSpecificOutput?.permissionDecision,
    reason: output.hookSpecificOutput?.permissionDecisionReason ?? "",
  };
}
