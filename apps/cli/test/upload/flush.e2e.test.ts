import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";

import { runCliAsync, sandbox, startCli } from "../install/cli";
import { TestConsole } from "./server";
import { writeEnrollment, writeEvents } from "./state";

const consoles: TestConsole[] = [];
afterEach(async () => {
  await Promise.all(consoles.splice(0).map((c) => c.stop()));
});

async function startConsole(port = 0): Promise<TestConsole> {
  const server = await new TestConsole().start(port);
  consoles.push(server);

  return server;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((done) => probe.close(() => done()));

  return port;
}

async function flush(env: Record<string, string>): Promise<{ status: number | null; json: Record<string, unknown>; stderr: string }> {
  const result = await runCliAsync({ args: ["flush", "--json"], env });

  return { status: result.status, json: JSON.parse(result.stdout || "{}") as Record<string, unknown>, stderr: result.stderr };
}

async function flushUntilEmpty(env: Record<string, string>): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const result = await flush(env);
    expect(result.status).toBe(0);
    if (result.json.pending === 0) return;
  }
  throw new Error("spool never drained");
}

describe("flush", () => {
  test("server down: exits clearly and keeps every event; server up: all of them arrive, in batches of at most 500", async () => {
    const box = sandbox();
    const port = await freePort();
    writeEnrollment({ state: box.state, server: `http://127.0.0.1:${port}` });
    await writeEvents({ state: box.state, count: 1_200 });

    const down = await runCliAsync({ args: ["flush"], env: box.env });
    expect(down.status).toBe(4);
    expect(down.stderr).toContain("cannot reach the console");
    expect(down.stdout).toContain("1200 events are kept in the spool");

    const server = await startConsole(port);
    await flushUntilEmpty(box.env);
    expect(server.events.size).toBe(1_200);
    expect(Math.max(...server.batchSizes)).toBeLessThanOrEqual(500);
    expect(server.batchSizes.length).toBeGreaterThanOrEqual(3);
  });

  test("a server error on the second batch keeps the rest; the next flush delivers everything once", async () => {
    const box = sandbox();
    const server = await startConsole();
    server.behaviour = { failRequests: new Set([2]) };
    writeEnrollment({ state: box.state, server: server.url });
    await writeEvents({ state: box.state, count: 1_100 });

    const failed = await flush(box.env);
    expect(failed.status).toBe(5);
    expect(failed.json).toMatchObject({ ok: false, sent: 500, pending: 600, error: { code: "server_error" } });
    expect(server.events.size).toBe(500);

    await flushUntilEmpty(box.env);
    expect(server.events.size).toBe(1_100);
    expect(server.receivedEvents).toBe(1_100);
  });

  test("a server that acknowledges only part of a batch: the unacknowledged events are resent, none lost", async () => {
    const box = sandbox();
    const server = await startConsole();
    server.behaviour = { partialResults: 120 };
    writeEnrollment({ state: box.state, server: server.url });
    await writeEvents({ state: box.state, count: 300 });

    const partial = await flush(box.env);
    expect(partial.status).toBe(8);
    expect(partial.json).toMatchObject({ sent: 120, pending: 180, error: { code: "incomplete_ack" } });
    server.behaviour = {};
    await flushUntilEmpty(box.env);
    expect(server.events.size).toBe(300);
  });

  test("rejected events are set aside in rejected.jsonl and never sent again", async () => {
    const box = sandbox();
    const server = await startConsole();
    writeEnrollment({ state: box.state, server: server.url });
    await writeEvents({ state: box.state, count: 10 });
    await writeEvents({ state: box.state, count: 3, agent: "reject-me" });

    const first = await flush(box.env);
    expect(first.status).toBe(0);
    expect(first.json).toMatchObject({ stored: 10, rejected: 3, pending: 0 });
    const rejected = readFileSync(join(box.state, "rejected.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line));
    expect(rejected).toHaveLength(3);
    expect(rejected[0]).toMatchObject({ message: "invalid event", event: { agent: "reject-me" } });

    await writeEvents({ state: box.state, count: 1 });
    await flush({ ...box.env });
    expect(server.receivedEvents).toBe(14);
  });

  test("kill -9 in the middle of a flush: the restart loses nothing and the server's dedup absorbs resends", async () => {
    const box = sandbox();
    const server = await startConsole();
    server.behaviour = { delayMs: 300 };
    writeEnrollment({ state: box.state, server: server.url });
    await writeEvents({ state: box.state, count: 3_000 });

    const child = startCli({ args: ["flush"], env: box.env });
    await expect.poll(() => server.eventPosts, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(2);
    child.kill("SIGKILL");
    await new Promise((done) => child.on("exit", done));
    expect(existsSync(join(box.state, "spool", "flush.lock"))).toBe(true);

    server.behaviour = {};
    await flushUntilEmpty(box.env);
    expect(server.events.size).toBe(3_000);
  });

  test("two hooks append while a flush runs: everything written arrives exactly once as a distinct event", async () => {
    const box = sandbox();
    const server = await startConsole();
    server.behaviour = { delayMs: 100 };
    writeEnrollment({ state: box.state, server: server.url });
    await writeEvents({ state: box.state, count: 1_000 });

    const flushing = startCli({ args: ["flush"], env: box.env });
    const flushed = new Promise((done) => flushing.on("exit", done));
    await Promise.all([writeEvents({ state: box.state, count: 700 }), writeEvents({ state: box.state, count: 700 })]);
    await flushed;
    server.behaviour = {};
    await flushUntilEmpty(box.env);
    expect(server.events.size).toBe(2_400);
  });

  test("10,000 events: the server ends with exactly 10,000 distinct events", async () => {
    const box = sandbox();
    const server = await startConsole();
    writeEnrollment({ state: box.state, server: server.url });
    await Promise.all([writeEvents({ state: box.state, count: 5_000 }), writeEvents({ state: box.state, count: 5_000 })]);
    await flushUntilEmpty(box.env);
    expect(server.events.size).toBe(10_000);
    expect(Math.max(...server.batchSizes)).toBeLessThanOrEqual(500);
  });

  test("a second flush while one runs says so and does not upload", async () => {
    const box = sandbox();
    const server = await startConsole();
    server.behaviour = { delayMs: 1_500 };
    writeEnrollment({ state: box.state, server: server.url });
    await writeEvents({ state: box.state, count: 5 });
    const first = startCli({ args: ["flush"], env: box.env });
    const firstDone = new Promise((done) => first.on("exit", done));
    await expect.poll(() => existsSync(join(box.state, "spool", "flush.lock")), { timeout: 10_000, interval: 10 }).toBe(true);
    const second = await runCliAsync({ args: ["flush"], env: box.env });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("another flush is already running");
    await firstDone;
    expect(server.events.size).toBe(5);
  });

  test("not enrolled: a clear error and the events stay", async () => {
    const box = sandbox();
    await writeEvents({ state: box.state, count: 2 });
    const result = await runCliAsync({ args: ["flush"], env: box.env });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("this device is not enrolled: events stay in the spool");
  });

  test("events written after a flush go out with the next one, already sent ones are not resent, and a corrupt backoff file does not block it", async () => {
    const box = sandbox();
    const server = await startConsole();
    writeEnrollment({ state: box.state, server: server.url });
    await writeEvents({ state: box.state, count: 50 });
    expect((await flush(box.env)).json).toMatchObject({ stored: 50 });
    await writeEvents({ state: box.state, count: 50 });
    writeFileSync(join(box.state, "spool", "flush.json"), "not json");
    const second = await flush(box.env);
    expect(second.json).toMatchObject({ stored: 50, duplicates: 0, pending: 0 });
    expect(server.receivedEvents).toBe(100);
    expect(server.events.size).toBe(100);
  });
});
