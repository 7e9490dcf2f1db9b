#!/usr/bin/env node
// `npm start`: builds what is missing (turbo cache makes a second start instant), then serves the
// console on http://localhost:3000 with the embedded PGlite database under .data/ (or PostgreSQL
// when DATABASE_URL is set). On the first start the console creates a demo organization and prints
// the owner's sign-in e-mail and password.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");
mkdirSync(dataDir, { recursive: true, mode: 0o700 });

/** A secret kept in .data/<name> (mode 0600), generated on first use. */
function localSecret(name) {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
    chmodSync(file, 0o600);
  }

  return readFileSync(file, "utf8").trim();
}

const port = process.env.PORT ?? "3000";
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  PORT: port,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret("auth-secret"),
  PGLITE_DIR: process.env.PGLITE_DIR ?? path.join(dataDir, "pglite"),
};

console.log("egress control: building (cached after the first run)…");
const build = spawnSync("npx", ["turbo", "run", "build", "--filter=@egress/console", "--filter=egress-sync", "--output-logs=errors-only"], {
  cwd: root,
  env,
  stdio: "inherit",
});
if (build.status !== 0) {
  console.error("egress control: the build failed, see the output above");
  process.exit(build.status ?? 1);
}

const where = env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${path.relative(root, env.PGLITE_DIR)}`;
console.log(`egress control: starting the console on ${env.NEXTAUTH_URL} with ${where}`);
const server = spawn("npx", ["next", "start", "-p", port], { cwd: path.join(root, "apps/console"), env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
