#!/usr/bin/env node
// Benchmark of the device snapshot API against the BUILT console on loopback:
//   node scripts/bench-snapshot-api.mjs [--requests 5000] [--connections 4] [--hosts 10000]
// Starts `next start` on a fresh PGlite directory (PostgreSQL with EGRESS_TEST_DB=pg, a fresh database
// on postgresql://postgres@127.0.0.1:5432 that is dropped afterwards), publishes a policy with
// `--hosts` allow-listed hosts through the admin REST API, enrolls a device through the device REST
// API, then measures with keep-alive and `--connections` concurrent connections:
//   - GET /api/v1/snapshot with If-None-Match (304)   — what every device does on every pull
//   - GET /api/v1/snapshot without it (200, full body) — baseline: a device that needs the snapshot
//   - GET /api/v1/<unknown> (JSON 404)                  — baseline: the cheapest route of the app
// and prints requests/s, latency percentiles and ratios. Build first:
//   npx turbo run build --filter=@egress/console
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const consoleDir = path.join(root, "apps/console");
const { values: args } = parseArgs({ options: { requests: { type: "string", default: "5000" }, connections: { type: "string", default: "4" }, hosts: { type: "string", default: "10000" } } });
const REQUESTS = Number(args.requests);
const CONNECTIONS = Number(args.connections);
const HOSTS = Number(args.hosts);
const FULL_REQUESTS = Math.min(REQUESTS, 1000);

if (!existsSync(path.join(consoleDir, ".next/BUILD_ID"))) {
  console.error("bench: build the console first: npx turbo run build --filter=@egress/console");
  process.exit(1);
}

async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));

  return port;
}

const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const tempDir = mkdtempSync(path.join(tmpdir(), "egress-bench-"));
const usePg = process.env.EGRESS_TEST_DB === "pg";
const pg = usePg ? createRequire(path.join(root, "package.json"))("pg") : undefined;
const pgBase = "postgresql://postgres@127.0.0.1:5432";
const pgName = `egress_bench_${Date.now().toString(36)}`;
const env = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: process.env.HOME ?? tmpdir(),
  NODE_ENV: "production",
  ...(usePg ? { DATABASE_URL: `${pgBase}/${pgName}` } : { PGLITE_DIR: path.join(tempDir, "pglite") }),
  NEXTAUTH_URL: url,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
  EGRESS_KEK: randomBytes(32).toString("base64"),
  EGRESS_ADMIN_EMAIL: "bench@example.com",
  EGRESS_ADMIN_PASSWORD: randomBytes(12).toString("base64url"),
  NEXT_TELEMETRY_DISABLED: "1",
};

async function pgQuery(sql) {
  const client = new pg.Client({ connectionString: `${pgBase}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let child;
let logs = "";

async function startConsole() {
  child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: consoleDir, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout.setEncoding("utf8").on("data", (chunk) => (logs = (logs + chunk).slice(-20_000)));
  child.stderr.setEncoding("utf8").on("data", (chunk) => (logs = (logs + chunk).slice(-20_000)));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the console exited during start-up:\n${logs}`);
    try {
      const response = await fetch(`${url}/api/v1/snapshot`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 401) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the console did not start:\n${logs}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

async function stopConsole() {
  const running = child;
  child = undefined;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((done) => running.once("exit", done));
  const signal = (name) => {
    try {
      process.kill(-running.pid, name);
    } catch {
      // gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  signal("SIGKILL");
}

function adminCommand(argv) {
  return new Promise((done, fail) => {
    execFile(process.execPath, [path.join(root, "node_modules/.bin/tsx"), "scripts/admin.ts", ...argv], { cwd: consoleDir, env, encoding: "utf8", timeout: 120_000 }, (error, stdout, stderr) => (error ? fail(new Error(stderr || stdout)) : done(stdout)));
  });
}

async function api(method, route, { token, body, headers = {} } = {}) {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();

  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null, bytes: Buffer.byteLength(text) };
}

/** `total` GETs over `connections` keep-alive connections; every answer must have `expectStatus` */
async function measure({ route, headers, total, expectStatus }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies = [];
  let next = 0;
  let bytes = 0;
  const one = () =>
    new Promise((done, fail) => {
      const started = process.hrtime.bigint();
      const req = http.get(`${url}${route}`, { agent, headers }, (res) => {
        res.on("data", (chunk) => (bytes += chunk.length));
        res.on("end", () => {
          if (res.statusCode !== expectStatus) fail(new Error(`${route}: expected ${expectStatus}, got ${res.statusCode}`));
          else {
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
            done();
          }
        });
      });
      req.on("error", fail);
    });
  const worker = async () => {
    while (next < total) {
      next++;
      await one();
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];

  return { rps: total / seconds, p50: pct(50), p99: pct(99), bytesPerResponse: bytes / total, total };
}

const t0 = Date.now();
try {
  if (usePg) await pgQuery(`CREATE DATABASE "${pgName}"`);
  await startConsole();
  if (!usePg) await stopConsole();
  const created = await adminCommand(["create-api-token", "--org", "demo", "--name", "bench", "--json"]);
  const apiToken = JSON.parse(created.slice(created.indexOf("{"))).token;
  if (!child) await startConsole();

  const hosts = Array.from({ length: HOSTS }, (_, i) => `host-${i}.bench.example`);
  const draft = await api("PUT", "/api/v1/admin/policies/default/draft", { token: apiToken, body: { document: { version: 1, mode: "enforce", logLevel: 1, hosts: { allow: hosts } } } });
  if (draft.status !== 200) throw new Error(`draft: ${draft.status} ${JSON.stringify(draft.json)}`);
  const published = await api("POST", "/api/v1/admin/policies/default/publish", { token: apiToken, body: {} });
  if (published.status !== 201) throw new Error(`publish: ${published.status} ${JSON.stringify(published.json)}`);
  const enrollment = await api("POST", "/api/v1/admin/enrollment-tokens", { token: apiToken, body: {} });
  const enrolled = await api("POST", "/api/v1/enroll", { body: { token: enrollment.json.token, name: "bench-device" } });
  if (enrolled.status !== 201) throw new Error(`enroll: ${enrolled.status} ${JSON.stringify(enrolled.json)}`);
  const device = { authorization: `Bearer ${enrolled.json.credential}`, "x-egress-root-version": String(enrolled.json.rootVersion) };
  const first = await api("GET", "/api/v1/snapshot", { headers: device });
  const etag = first.headers.get("etag");
  if (first.status !== 200 || !etag) throw new Error(`snapshot: ${first.status}`);
  console.log(`console up and seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s (${usePg ? "PostgreSQL" : "PGlite"}); policy with ${HOSTS} hosts: snapshot response ${(first.bytes / 1024).toFixed(0)} KiB`);

  const runs = [
    { name: "snapshot 304 (If-None-Match)", route: "/api/v1/snapshot", headers: { ...device, "if-none-match": etag }, total: REQUESTS, expectStatus: 304 },
    { name: "snapshot 200 (full body)", route: "/api/v1/snapshot", headers: device, total: FULL_REQUESTS, expectStatus: 200 },
    { name: "unknown /api/v1 route (JSON 404)", route: "/api/v1/bench-unknown", headers: {}, total: REQUESTS, expectStatus: 404 },
  ];
  const results = {};
  for (const run of runs) {
    await measure({ ...run, total: Math.min(200, run.total) }); // warm-up
    results[run.name] = await measure(run);
  }
  console.log(`\n${CONNECTIONS} keep-alive connections, loopback`);
  console.log("route".padEnd(36), "requests".padStart(9), "req/s".padStart(9), "p50 ms".padStart(8), "p99 ms".padStart(8), "KiB/resp".padStart(9));
  for (const [name, r] of Object.entries(results)) {
    console.log(name.padEnd(36), String(r.total).padStart(9), r.rps.toFixed(0).padStart(9), r.p50.toFixed(2).padStart(8), r.p99.toFixed(2).padStart(8), (r.bytesPerResponse / 1024).toFixed(1).padStart(9));
  }
  const notModified = results["snapshot 304 (If-None-Match)"];
  const full = results["snapshot 200 (full body)"];
  const trivial = results["unknown /api/v1 route (JSON 404)"];
  console.log(`\n304 vs full 200:        ${(notModified.rps / full.rps).toFixed(1)}x the requests/s`);
  console.log(`304 vs trivial route:   ${(notModified.rps / trivial.rps).toFixed(2)}x the requests/s (1.00 = as cheap as the cheapest route)`);
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await stopConsole();
  if (usePg) await pgQuery(`DROP DATABASE IF EXISTS "${pgName}" WITH (FORCE)`).catch(() => undefined);
  rmSync(tempDir, { recursive: true, force: true });
}
