import { spawn, spawnSync } from "node:child_process";
import type { SpawnSyncReturns } from "node:child_process";
import { mkdtempSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The BUILT CLI (`npm run build -w egress-sync`) */
export const CLI = realpathSync(resolve(import.meta.dirname, "../../dist/egress-sync.cjs"));
export const NODE = process.execPath;

/** A fresh sandbox: HOME, state dir, XDG dir and a project (git) dir, all under a temp dir */
export function sandbox(): { root: string; home: string; state: string; project: string; managed: string; env: Record<string, string> } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "egress-ops-")));
  const home = join(root, "home");
  const state = join(root, "state");
  const project = join(root, "project");
  const managed = join(root, "managed");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    EGRESS_SYNC_HOME: state,
    XDG_CONFIG_HOME: join(home, ".config"),
    EGRESS_SYNC_MANAGED_ROOT: managed,
    // doctor runs the installed hooks: in-process here, no hook daemon left behind (see test/support/cli.ts)
    EGRESS_SYNC_HOOKD: "0",
  };

  return { root, home, state, project, managed, env };
}

/** Runs the built CLI synchronously */
export function runCli(opts: { args: string[]; env: Record<string, string>; cwd?: string; input?: string; uid?: number }): SpawnSyncReturns<string> {
  return spawnSync(NODE, [CLI, ...opts.args], { env: opts.env, cwd: opts.cwd, input: opts.input, encoding: "utf8", timeout: 60_000, uid: opts.uid });
}

/** Runs the built CLI asynchronously (for kill -9 and concurrency tests) */
export function startCli(opts: { args: string[]; env: Record<string, string>; cwd?: string }): ReturnType<typeof spawn> {
  return spawn(NODE, [CLI, ...opts.args], { env: opts.env, cwd: opts.cwd, stdio: ["ignore", "pipe", "pipe"] });
}

/** Runs the built CLI without blocking the event loop (needed when the test server lives in this process) */
export function runCliAsync(opts: { args: string[]; env: Record<string, string>; cwd?: string }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = startCli(opts);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}
