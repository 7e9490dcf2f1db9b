import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { runCli, tempHome } from "../support/cli";
import { enrollReply, snapshotBody, startFakeConsole } from "../support/fake-console";
import type { TFakeConsole } from "../support/fake-console";
import { createOrg, makeSnapshot, rotateOrg, TEST_POLICY } from "../support/signing";

// pull against a real HTTP server on 127.0.0.1, honest and hostile. Exit codes: README.

const keys = createOrg("org_demo");
const v2 = makeSnapshot({ keys, version: 2 });
let fake: TFakeConsole;

beforeAll(async () => {
  fake = await startFakeConsole();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.onEnroll = () => enrollReply(keys, { consoleUrl: fake.url });
  fake.onSnapshot = () => ({ status: 200, headers: { etag: '"v2"' }, body: snapshotBody({ envelope: v2.envelope, version: 2 }) });
});

async function enrolledHome(): Promise<string> {
  const home = tempHome();
  const result = await runCli({ args: ["enroll", "--server", fake.url, "--token", "ege_test_token_0001", "--json"], home });
  expect(result.code, result.stderr + result.stdout).toBe(0);

  return home;
}

function cached(home: string): { snapshot: string; lastSeen: string; root: string } {
  return { snapshot: readFileSync(join(home, "snapshot.json"), "utf8"), lastSeen: readFileSync(join(home, "last-seen.json"), "utf8"), root: readFileSync(join(home, "root.json"), "utf8") };
}

describe("enroll", () => {
  it("pins the root, stores config and credential privately, prints the fingerprint and pulls", async () => {
    const home = tempHome();
    const result = await runCli({ args: ["enroll", "--server", fake.url, "--token", "ege_test_token_0001"], home });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`root key fingerprint: ${keys.fingerprint}`);
    expect(result.stdout).toMatch(/compare it with the fingerprint shown in the console/);
    expect(result.stdout).toMatch(/pulled policy snapshot v2/);
    expect(statSync(join(home, "credential")).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, "config.json")).mode & 0o777).toBe(0o600);
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(result.stdout + result.stderr).not.toContain("egd_test_credential");
    const enrollRequest = fake.requests.find((r) => r.url === "/api/v1/enroll");
    expect(JSON.parse(enrollRequest?.body ?? "{}").token).toBe("ege_test_token_0001");
  });

  it("takes the token from stdin with `--token -`, or from EGRESS_ENROLL_TOKEN, so it stays out of the process list", async () => {
    const fromStdin = await runCli({ args: ["enroll", "--server", fake.url, "--token", "-", "--json"], home: tempHome(), input: "ege_test_token_0002\n" });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    const fromEnv = await runCli({ args: ["enroll", "--server", fake.url, "--json"], home: tempHome(), env: { EGRESS_ENROLL_TOKEN: "ege_test_token_0003" } });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    const sent = fake.requests.filter((r) => r.url === "/api/v1/enroll").map((r) => JSON.parse(r.body ?? "{}").token);
    expect(sent).toEqual(expect.arrayContaining(["ege_test_token_0002", "ege_test_token_0003"]));
  });

  it("without a token, or with an empty or malformed one, says how to pass it and stores nothing", async () => {
    for (const run of [
      { args: ["enroll", "--server", fake.url], input: "" },
      { args: ["enroll", "--server", fake.url, "--token", "-"], input: "\n" },
      { args: ["enroll", "--server", fake.url, "--token", "-"], input: "ege_a ege_b" },
      { args: ["enroll", "--server", fake.url, "--token", "-"], input: "x".repeat(5000) },
    ]) {
      const home = tempHome();
      const before = fake.requests.length;
      const result = await runCli({ ...run, home });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/--token <token>|`--token -`|whitespace/);
      expect(fake.requests.length).toBe(before);
      expect(() => statSync(join(home, "config.json"))).toThrow();
    }
  });

  it("refuses a plain-http server that is not loopback, and says why", async () => {
    const result = await runCli({ args: ["enroll", "--server", "http://console.example.com", "--token", "ege_test_token_0001"], home: tempHome() });
    expect(result.code).toBe(21);
    expect(result.stderr).toMatch(/refusing `http:\/\/console\.example\.com`: the device credential and policy must travel over https/);
  });

  it("a 404 NO_SNAPSHOT is reported but enrollment succeeds", async () => {
    fake.onSnapshot = () => ({ status: 404, body: JSON.stringify({ error: { code: "NO_SNAPSHOT", message: "nothing published" } }) });
    const result = await runCli({ args: ["enroll", "--server", fake.url, "--token", "ege_test_token_0001"], home: tempHome() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no policy is published for this scope yet/);
  });

  it("refuses a root whose fingerprint differs from what the console announced", async () => {
    fake.onEnroll = () => {
      const reply = enrollReply(keys, { consoleUrl: fake.url });
      const body = JSON.parse(reply.body ?? "{}");

      return { ...reply, body: JSON.stringify({ ...body, rootFingerprint: createOrg().fingerprint }) };
    };
    const home = tempHome();
    const result = await runCli({ args: ["enroll", "--server", fake.url, "--token", "ege_test_token_0001"], home });
    expect(result.code).toBe(13);
    expect(result.stderr).toMatch(/the console announced fingerprint .* nothing was stored/);
    expect(() => statSync(join(home, "config.json"))).toThrow();
  });
});

describe("pull", () => {
  it("sends If-None-Match with the ETag and handles 304", async () => {
    const home = await enrolledHome();
    fake.onSnapshot = (request) => (request.headers["if-none-match"] === '"v2"' ? { status: 304 } : { status: 200, body: snapshotBody({ envelope: v2.envelope, version: 2 }) });
    const result = await runCli({ args: ["pull"], home });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/policy snapshot v2 is up to date/);
    const last = fake.requests.at(-1);
    expect(last?.headers.authorization).toBe("Bearer egd_test_credential_0123456789abcdef");
    expect(last?.headers["x-egress-root-version"]).toBe("1");
  });

  it("accepts a newer snapshot and a real root rotation without re-enrolling", async () => {
    const home = await enrolledHome();
    const rotated = rotateOrg(keys);
    const v3 = makeSnapshot({ keys: rotated, version: 3 });
    fake.onSnapshot = () => ({ status: 200, body: snapshotBody({ envelope: v3.envelope, roots: [rotated.rootEnvelope], version: 3 }) });
    const result = await runCli({ args: ["pull", "--json"], home });
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, version: 3, rootVersion: 2, rootRotated: true, changed: true });
    expect(JSON.parse(cached(home).root).version).toBe(2);
    const verify = await runCli({ args: ["verify", "--json"], home });
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, version: 3, rootVersion: 2 });
  });

  type THostile = { name: string; exit: number; message: RegExp; reply: () => { status: number; headers?: Record<string, string>; body?: string } };
  const other = createOrg("org_other");
  const HOSTILE: THostile[] = [
    { name: "replays an older snapshot", exit: 17, message: /snapshot version `1` is lower than the last seen version `2`/, reply: () => ({ status: 200, body: snapshotBody({ envelope: makeSnapshot({ keys, version: 1 }).envelope, version: 1 }) }) },
    {
      name: "changes one byte of the payload",
      exit: 13,
      message: /signature by .* does not verify/,
      reply: () => {
        const tampered = makeSnapshot({ keys, version: 4, policy: { ...TEST_POLICY, hosts: { allow: ["github.com", "evil.example.net"] } } }).envelope;
        const bytes = Buffer.from(tampered.payload, "base64");
        const i = bytes.indexOf("evil");
        bytes[i] = "d".charCodeAt(0);

        return { status: 200, body: snapshotBody({ envelope: { ...tampered, payload: bytes.toString("base64") }, version: 4 }) };
      },
    },
    { name: "serves another org's snapshot", exit: 12, message: /not signed by any trusted key/, reply: () => ({ status: 200, body: snapshotBody({ envelope: makeSnapshot({ keys: other, version: 9 }).envelope, version: 9 }) }) },
    { name: "serves a snapshot of another org signed by our key", exit: 15, message: /snapshot is for org `org_other`/, reply: () => ({ status: 200, body: snapshotBody({ envelope: makeSnapshot({ keys, org: "org_other", version: 9 }).envelope, version: 9 }) }) },
    { name: "serves another scope", exit: 16, message: /snapshot is for scope `prod`/, reply: () => ({ status: 200, body: snapshotBody({ envelope: makeSnapshot({ keys, scope: "prod", version: 9 }).envelope, version: 9 }) }) },
    {
      name: "serves an expired snapshot",
      exit: 18,
      message: /snapshot expired at/,
      reply: () => ({ status: 200, body: snapshotBody({ envelope: makeSnapshot({ keys, version: 9, issuedAt: new Date(Date.now() - 9e8), expiresAt: new Date(Date.now() - 1000) }).envelope, version: 9 }) }),
    },
    {
      name: "forges a root rotation",
      exit: 14,
      message: /not signed by the root keys of `v1`/,
      reply: () => {
        const forged = rotateOrg(other);

        return { status: 200, body: snapshotBody({ envelope: makeSnapshot({ keys: forged, org: "org_demo", version: 9 }).envelope, roots: [forged.rootEnvelope], version: 9 }) };
      },
    },
    { name: "sends an oversize body", exit: 10, message: /the server response is larger than `8388608` bytes/, reply: () => ({ status: 200, body: "x".repeat(8 * 1024 * 1024 + 1) }) },
    { name: "sends garbage json", exit: 8, message: /answered `\/snapshot` with something that is not json/, reply: () => ({ status: 200, body: "<html>oops" }) },
    { name: "sends json of the wrong shape", exit: 8, message: /does not match the expected format at `snapshot`/, reply: () => ({ status: 200, body: JSON.stringify({ hello: "world" }) }) },
    { name: "publishes an invalid policy", exit: 19, message: /its policy is invalid \(`hosts\.allow\.0`/, reply: () => ({ status: 200, body: snapshotBody({ envelope: makeSnapshot({ keys, version: 9, policy: { version: 1, hosts: { allow: ["https://not-a-host/"] } } }).envelope, version: 9 }) }) },
    { name: "revokes the device", exit: 6, message: /this device was revoked by your security team: device revoked: ask them, then enroll again/, reply: () => ({ status: 401, body: JSON.stringify({ error: { code: "DEVICE_REVOKED", message: "device revoked" } }) }) },
    { name: "fails with a 500", exit: 5, message: /the console failed \(http 500\)/, reply: () => ({ status: 500, body: JSON.stringify({ error: { code: "INTERNAL", message: "boom" } }) }) },
    { name: "has nothing published", exit: 7, message: /no policy has been published for this device's scope yet/, reply: () => ({ status: 404, body: JSON.stringify({ error: { code: "NO_SNAPSHOT", message: "none" } }) }) },
  ];

  it.each(HOSTILE)("refuses when the server $name, with its own exit code, keeping the cache byte for byte", async ({ exit, message, reply }) => {
    const home = await enrolledHome();
    const before = cached(home);
    fake.onSnapshot = reply;
    const result = await runCli({ args: ["pull"], home });
    expect(result.code, result.stderr).toBe(exit);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^egress-sync: [a-z]/);
    expect(cached(home)).toEqual(before);
    const json = await runCli({ args: ["pull", "--json"], home });
    expect(json.code).toBe(exit);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { exitCode: exit } });
    const status = await runCli({ args: ["status", "--json"], home });
    expect(JSON.parse(status.stdout).lastPull).toMatchObject({ ok: false });
    const verify = await runCli({ args: ["verify"], home });
    expect(verify.code).toBe(0);
  });

  it("reports an unreachable console as a network error", async () => {
    const home = await enrolledHome();
    const config = JSON.parse(readFileSync(join(home, "config.json"), "utf8"));
    const { writeFileSync } = await import("node:fs");
    const { createServer } = await import("node:net");
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    writeFileSync(join(home, "config.json"), JSON.stringify({ ...config, server: `http://127.0.0.1:${port}` }));
    const result = await runCli({ args: ["pull"], home });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/cannot reach the console `http:\/\/127\.0\.0\.1:\d+` \(ECONNREFUSED\): check the url/);
  });

  it("not enrolled: exit 3 with the enroll command", async () => {
    const result = await runCli({ args: ["pull"], home: tempHome() });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/not enrolled: run `egress-sync enroll --server/);
  });
});
