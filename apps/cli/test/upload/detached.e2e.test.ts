import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { afterEach, expect, test } from "vitest";

import { CLI, sandbox } from "../install/cli";
import { TestConsole } from "./server";
import { writeEnrollment, writeEvents } from "./state";

const consoles: TestConsole[] = [];
afterEach(async () => {
  await Promise.all(consoles.splice(0).map((c) => c.stop()));
});

function startDetached(state: string, env: Record<string, string>): Promise<{ started: boolean; ms: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", resolve(import.meta.dirname, "start-detached.ts"), state, CLI], { env: { ...env, PATH: process.env.PATH ?? "" }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", fail);
    child.on("close", () => done(JSON.parse(out) as { started: boolean; ms: number }));
  });
}

test("startDetachedFlush returns at once and a background flush uploads the spool; a second call inside the interval starts nothing", async () => {
  const server = await new TestConsole().start();
  consoles.push(server);
  server.behaviour = { delayMs: 500 };
  const box = sandbox();
  writeEnrollment({ state: box.state, server: server.url });
  await writeEvents({ state: box.state, count: 20 });

  const first = await startDetached(box.state, box.env);
  expect(first.started).toBe(true);
  expect(first.ms).toBeLessThan(200);
  const second = await startDetached(box.state, box.env);
  expect(second.started).toBe(false);
  await expect.poll(() => server.events.size, { timeout: 20_000, interval: 50 }).toBe(20);
});

test("nothing to upload: no process is started", async () => {
  const box = sandbox();
  const result = await startDetached(box.state, box.env);
  expect(result.started).toBe(false);
});
