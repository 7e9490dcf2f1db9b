#!/usr/bin/env node
// `npm test`: the whole suite, in order — static checks, build, unit and integration tests on
// PGlite, the same integration tests on PostgreSQL (a fresh database per test file), and the
// browser and full-loop tests in Chromium. Every stage runs even when an earlier one failed, and
// the summary names each stage's result; the exit code is non-zero when any stage failed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", FORCE_COLOR: "0" };
const turbo = (...args) => ["npx", ["turbo", "run", ...args, "--output-logs=new-only", "--concurrency=2"]];

/** @type {{ name: string; cmd: [string, string[]]; env?: Record<string, string> }[]} */
const stages = [
  { name: "lint + typecheck", cmd: turbo("lint", "typecheck") },
  { name: "build", cmd: turbo("build") },
  { name: "unit + integration (PGlite)", cmd: turbo("test") },
  { name: "integration (PostgreSQL)", cmd: turbo("test:pg"), env: { EGRESS_TEST_DB: "pg" } },
  { name: "built CLI against the real console (PGlite)", cmd: ["npm", ["run", "test:e2e", "-w", "egress-sync"]] },
  { name: "built CLI against the real console (PostgreSQL)", cmd: ["npm", ["run", "test:e2e:pg", "-w", "egress-sync"]] },
  { name: "browser + full loop (Chromium, PGlite)", cmd: ["npm", ["run", "e2e"]] },
  {
    name: "full loop (Chromium, PostgreSQL)",
    cmd: ["npm", ["run", "e2e", "-w", "@egress/e2e", "--", "specs/loop"]],
    env: { E2E_DATABASE_URL: process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/egress_e2e" },
  },
];

function preflight() {
  const problems = [];
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) problems.push(`chromium not found at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const pg = spawnSync("pg_isready", ["-h", "127.0.0.1", "-p", "5432", "-q"]);
  if (pg.status !== 0) problems.push("PostgreSQL is not accepting connections on 127.0.0.1:5432: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");

  return problems;
}

const problems = preflight();
if (problems.length > 0) {
  for (const p of problems) console.error(`preflight: ${p}`);
  process.exit(1);
}

const results = [];
for (const stage of stages) {
  const started = Date.now();
  console.log(`\n━━━ ${stage.name} ━━━`);
  const [cmd, args] = stage.cmd;
  const run = spawnSync(cmd, args, { cwd: root, env: { ...env, ...stage.env }, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name: stage.name, ok: run.status === 0, seconds });
}

console.log("\n━━━ summary ━━━");
for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name}  (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`stages: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
