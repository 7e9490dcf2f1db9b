#!/usr/bin/env node
// `npm run bench`: every benchmark, each printing its figures and its ratio to a baseline measured
// in the same run. Targets live here, not in timed tests.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

const run = (title, cmd, args, opts = {}) => {
  console.log(`\n━━━ ${title} ━━━`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit", ...opts });

  return r.status === 0;
};

const build = run("build (console + CLI)", "npx", ["turbo", "run", "build", "--filter=egress-sync", "--filter=@egress/console", "--output-logs=errors-only"]);
const results = [
  ["policy engine: decisions/s (100 / 10k / 100k hosts)", run("policy engine", "npm", ["run", "bench", "-w", "@egress/policy"])],
  ["snapshot: verify + load of a 10k-host snapshot", run("snapshot verify", "npm", ["run", "bench", "-w", "@egress/snapshot"])],
];
if (build && existsSync(path.join(root, "apps/cli/bench/hook.bench.mjs"))) {
  results.push(["hook and check wall time vs node -e 0", run("egress-sync hook / check", "npx", ["tsx", "apps/cli/bench/hook.bench.mjs"])]);
}
if (build && existsSync(path.join(root, "scripts/bench-snapshot-api.mjs"))) {
  results.push(["GET /api/v1/snapshot 304 responses/s", run("console snapshot API", "node", ["scripts/bench-snapshot-api.mjs"])]);
}
console.log("\n━━━ benchmarks ━━━");
for (const [name, ok] of results) console.log(`${ok ? "ran " : "FAIL"}  ${name}`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
