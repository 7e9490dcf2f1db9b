import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The built bin (tests always run the real bundle) */
export const BIN = resolve(import.meta.dirname, "../../dist/egress-sync.cjs");

export type TRunResult = { code: number; stdout: string; stderr: string };

/** A fresh temp dir usable as EGRESS_SYNC_HOME */
export function tempHome(prefix = "egress-sync-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Environment for a CLI run: only what the CLI needs, the state dir pinned. Hook calls decide
 * in-process (EGRESS_SYNC_HOOKD=0): no test leaves a hook daemon behind; test/hook/daemon.test.ts
 * runs the daemon path, the fault matrix included, with daemons it starts and stops itself
 */
export function cliEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, EGRESS_SYNC_HOME: home, LANG: "C.UTF-8", EGRESS_SYNC_HOOKD: "0", ...extra };
}

/** Runs `egress-sync <args>` as a subprocess, feeding `input` on stdin */
export function runCli(opts: { args: string[]; home: string; input?: string; env?: Record<string, string>; timeoutMs?: number }): Promise<TRunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...opts.args], { env: cliEnv(opts.home, opts.env), stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 30_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? (signal ? 128 : -1), stdout, stderr });
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(opts.input ?? "");
  });
}

/** Runs the hook for `agent` with one JSON input */
export function runHook(opts: { agent: string; home: string; input: unknown; env?: Record<string, string> }): Promise<TRunResult> {
  const input = typeof opts.input === "string" ? opts.input : JSON.stringify(opts.input);

  return runCli({ args: ["hook", opts.agent], home: opts.home, input, env: opts.env });
}
