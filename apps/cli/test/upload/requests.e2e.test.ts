import { afterEach, expect, test } from "vitest";

import { runCliAsync, sandbox } from "../install/cli";
import { TestConsole } from "./server";
import { writeEnrollment } from "./state";

const consoles: TestConsole[] = [];
afterEach(async () => {
  await Promise.all(consoles.splice(0).map((c) => c.stop()));
});

async function setup(): Promise<{ server: TestConsole; env: Record<string, string> }> {
  const server = await new TestConsole().start();
  consoles.push(server);
  const box = sandbox();
  writeEnrollment({ state: box.state, server: server.url });

  return { server, env: box.env };
}

test("request infers the kind from the target and prints the id and how to check it", async () => {
  const { server, env } = await setup();
  const host = await runCliAsync({ args: ["request", "https://API.Example.com/v1/x", "--reason", "vendor api for ticket 42"], env });
  expect(host.stderr).toBe("");
  expect(host.status).toBe(0);
  expect(host.stdout).toContain("request req_1 filed: host `api.example.com` is pending");
  expect(host.stdout).toContain("egress-sync requests");
  await runCliAsync({ args: ["request", "mcp:linear", "--reason", "triage"], env });
  await runCliAsync({ args: ["request", "cmd:gh pr create", "--reason", "open prs"], env });
  expect(server.requests.map((r) => [r.kind, r.target])).toEqual([
    ["host", "api.example.com"],
    ["connector", "linear"],
    ["command", "gh pr create"],
  ]);
});

test("a lost response is retried with the same clientRequestId: the console stores the request once", async () => {
  const { server, env } = await setup();
  server.behaviour = { dropCreateResponses: 1 };
  const result = await runCliAsync({ args: ["request", "api.example.com", "--reason", "need it", "--json"], env });
  expect(result.status).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, request: { id: "req_1", kind: "host", target: "api.example.com", status: "pending" } });
  expect(server.requests).toHaveLength(1);
});

test("a request that never reached the console is filed once when the same command is run again", async () => {
  const { server, env } = await setup();
  server.behaviour = { dropCreateResponses: 3 };
  const failed = await runCliAsync({ args: ["request", "api.example.com", "--reason", "need it"], env });
  expect(failed.status).toBe(5);
  expect(failed.stderr).toContain("the console failed (http 503)");
  const retried = await runCliAsync({ args: ["request", "api.example.com", "--reason", "need it"], env });
  expect(retried.status).toBe(0);
  expect(server.requests).toHaveLength(1);
});

test("bad targets and a missing reason are usage errors", async () => {
  const { server, env } = await setup();
  const badHost = await runCliAsync({ args: ["request", "not a host!", "--reason", "x"], env });
  expect(badHost.status).toBe(2);
  expect(badHost.stderr).toContain("cannot request `not a host!`");
  const noReason = await runCliAsync({ args: ["request", "api.example.com"], env });
  expect(noReason.status).not.toBe(0);
  expect(noReason.stderr).toContain("--reason");
  expect(server.requests).toHaveLength(0);
});

test("requests lists status, decision note and expiry", async () => {
  const { server, env } = await setup();
  await runCliAsync({ args: ["request", "api.example.com", "--reason", "need it"], env });
  const first = server.requests[0];
  if (!first) throw new Error("request not stored");
  Object.assign(first, { status: "approved", decisionNote: "ok for q3", allowUntil: "2030-01-01T00:00:00.000Z", decidedAt: new Date().toISOString() });
  const list = await runCliAsync({ args: ["requests"], env });
  expect(list.status).toBe(0);
  expect(list.stdout).toMatch(/req_1 +approved +host `api.example.com`/);
  expect(list.stdout).toContain("note: ok for q3");
  expect(list.stdout).toContain("allowed until 2030-01-01T00:00:00.000Z");
  const json = await runCliAsync({ args: ["requests", "--json"], env });
  expect(JSON.parse(json.stdout).requests[0]).toMatchObject({ id: "req_1", status: "approved" });
});

test("not enrolled: request says how to enroll", async () => {
  const box = sandbox();
  const result = await runCliAsync({ args: ["request", "api.example.com", "--reason", "x"], env: box.env });
  expect(result.status).toBe(3);
  expect(result.stderr).toContain("egress-sync enroll");
});
