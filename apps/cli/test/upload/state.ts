import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { CREDENTIAL } from "./server";

/** Enrollment state in the format of src/state/store.ts (`config.json` + `credential`, 0600) */
export function writeEnrollment(opts: { state: string; server: string }): void {
  mkdirSync(opts.state, { recursive: true, mode: 0o700 });
  const config = {
    server: opts.server,
    deviceId: "dev_test",
    org: { id: "org_test", slug: "acme", name: "Acme" },
    scope: "default",
    consoleUrl: opts.server,
    name: "test-device",
    enrolledAt: new Date().toISOString(),
  };
  writeFileSync(join(opts.state, "config.json"), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(join(opts.state, "credential"), `${CREDENTIAL}\n`, { mode: 0o600 });
}

const WRITER = resolve(import.meta.dirname, "write-events.ts");

/** Appends `count` events through the real spool code (src/spool/spool.ts) in a separate process */
export function writeEvents(opts: { state: string; count: number; agent?: string }): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, opts.state, String(opts.count), opts.agent ?? "claude-code"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`writer failed: ${stderr}`))));
  });
}
