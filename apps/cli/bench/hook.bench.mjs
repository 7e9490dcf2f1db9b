// Hook and check wall time as a ratio to `node -e 0`, measured interleaved in the same run.
// Run: npm run bench -w egress-sync   (builds first; uses tsx to sign a test snapshot)
// Prints figures only: no timed assertions.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { createOrg, makeSnapshot } from "../test/support/signing.ts";
import { enrollReply, snapshotBody, startFakeConsole } from "../test/support/fake-console.ts";

const BIN = resolve(import.meta.dirname, "../dist/egress-sync.cjs");
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const HOSTS = Number(process.env.BENCH_HOSTS ?? 10_000);

const LARGE = Number(process.env.BENCH_HOSTS_LARGE ?? 100_000);
const keys = createOrg();
const fake = await startFakeConsole();
fake.onEnroll = () => enrollReply(keys, { consoleUrl: fake.url });

async function cli(args, env) {
  const { spawn } = await import("node:child_process");
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("close", (code) => done({ code, out }));
  });
}

/** A device state directory enrolled against the fake console, with a verified snapshot allowing `hosts` hosts */
async function enrolledHome(hosts) {
  const home = mkdtempSync(join(tmpdir(), "egress-bench-"));
  const env = { PATH: process.env.PATH, HOME: home, EGRESS_SYNC_HOME: home, LANG: "C.UTF-8" };
  const allow = Array.from({ length: hosts }, (_, i) => `host-${i}.example.com`).concat(["github.com", "mcp.example.net"]);
  // The MCP server is a connector: the URL it is asked to open must be allow-listed (a host lookup)
  const policy = { version: 1, mode: "enforce", logLevel: 1, hosts: { allow }, mcp: { connectors: [{ name: "fetcher", tools: ["mcp__fetcher__*"] }] } };
  const { envelope, document } = makeSnapshot({ keys, version: 1, policy });
  fake.onSnapshot = () => ({ status: 200, body: snapshotBody({ envelope, version: 1, expiresAt: document.expiresAt }) });
  const enrolled = await cli(["enroll", "--server", fake.url, "--token", "ege_bench_token_123456"], env);
  if (enrolled.code !== 0) throw new Error(`enroll failed: ${enrolled.out}`);

  return { home, env, policy, bytes: Buffer.byteLength(JSON.stringify(envelope)) };
}
const { home, env, policy, bytes } = await enrolledHome(HOSTS);
const large = await enrolledHome(LARGE);
await fake.close();
const policyFile = join(home, "bench-policy.json");
writeFileSync(policyFile, JSON.stringify(policy));
// The "new file" case rewrites its own copy before every run: the unchanged file stays unchanged
const newPolicyFile = join(home, "bench-policy-new.json");

const inputs = {
  mcp: JSON.stringify({ session_id: "s", cwd: home, hook_event_name: "PreToolUse", tool_name: "mcp__fetcher__fetch", tool_input: { url: "https://host-4242.example.com/page" } }),
  curl: JSON.stringify({ session_id: "s", cwd: home, hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: "curl -sS https://host-777.example.com/api -H 'accept: application/json'" } }),
};
// The hook as installed: answered by the hook daemon (src/hook/daemon.ts), which the first call
// starts; "in-process" is the same call with no daemon (EGRESS_SYNC_HOOKD=0), as on a first call
const inProcess = { ...env, EGRESS_SYNC_HOOKD: "0" };
const cases = {
  "node -e 0": { args: ["-e", "0"], input: "" },
  "hook mcp url": { args: [BIN, "hook", "claude-code"], input: inputs.mcp },
  "hook bash curl": { args: [BIN, "hook", "claude-code"], input: inputs.curl },
  // The same MCP call with ten times the hosts: the daemon looks up one block of the host list
  [`hook mcp ${LARGE / 1000}k`]: { args: [BIN, "hook", "claude-code"], input: inputs.mcp, env: large.env },
  "hook mcp in-proc": { args: [BIN, "hook", "claude-code"], input: inputs.mcp, env: inProcess },
  "hook curl in-proc": { args: [BIN, "hook", "claude-code"], input: inputs.curl, env: inProcess },
  // `check` of a file it validated before and that is unchanged (precompiled copy in the cache dir)
  "check bash curl": { args: [BIN, "check", "--agent", "claude-code", "--policy", policyFile], input: inputs.curl },
  // `check` of a file that changed since (rewritten before each run): full validation with zod
  "check new file": { args: [BIN, "check", "--agent", "claude-code", "--policy", newPolicyFile], input: inputs.curl, before: () => writeFileSync(newPolicyFile, JSON.stringify(policy)) },
};
/** Waits until the hook daemon of `dir` serves (its pool of FIFO pairs is full) */
function daemonReady(dir) {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    if (existsSync(join(dir, "hookd", "req")) && existsSync(join(dir, "hookd", "pool")) && readdirSync(join(dir, "hookd", "pool")).length >= 8) return;
    spawnSync("sleep", ["0.05"]);
  }
  throw new Error(`the hook daemon of ${dir} did not start`);
}
for (const [name, c] of Object.entries(cases)) {
  c.before?.();
  const r = spawnSync(process.execPath, c.args, { env: c.env ?? env, input: c.input, encoding: "utf8" });
  if (name !== "node -e 0") console.log(`${name}: exit ${r.status} ${r.stdout.trim().slice(0, 120)}`);
}
// Each round runs every case once, in alternating order; a case's ratio is taken per round against
// that round's `node -e 0`, so slow phases of a noisy machine hit both sides of the ratio
daemonReady(home);
daemonReady(large.home);
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
const names = Object.keys(cases);
for (let i = 0; i < RUNS; i += 1) {
  for (const name of i % 2 === 0 ? names : [...names].reverse()) {
    const c = cases[name];
    c.before?.();
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, c.args, { env: c.env ?? env, input: c.input });
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const at = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
const stat = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return { median: at(sorted, 0.5), p95: at(sorted, 0.95) };
};
for (const dir of [home, large.home]) {
  try {
    process.kill(Number(readFileSync(join(dir, "hookd", "lock"), "utf8")), "SIGTERM");
  } catch {
    // already gone
  }
}
const base = stat(times["node -e 0"]);
console.log(`\n${RUNS} interleaved rounds, ${HOSTS} allow-listed hosts (snapshot ${bytes} bytes; ${LARGE} for the ${LARGE / 1000}k case: ${large.bytes} bytes)`);
for (const name of names) {
  const s = stat(times[name]);
  const ratios = times[name].map((t, i) => t / times["node -e 0"][i]).sort((a, b) => a - b);
  console.log(`${name.padEnd(18)} median ${s.median.toFixed(1)} ms (x${(s.median / base.median).toFixed(3)})  p95 ${s.p95.toFixed(1)} ms  per-round ratio x${at(ratios, 0.5).toFixed(3)} (middle half x${at(ratios, 0.25).toFixed(2)}–x${at(ratios, 0.75).toFixed(2)})`);
}
