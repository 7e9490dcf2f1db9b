#!/usr/bin/env node
// Starts the BUILT console (`next start`) on a fresh database for one Playwright run:
//   default: a new PGlite data directory under e2e/.data/
//   E2E_DATABASE_URL=postgresql://…: that (local) PostgreSQL database, emptied first
// PGlite allows one process per data directory, so tests seed through the UI or HTTP, never by
// opening the database themselves.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");
const consoleDir = path.join(root, "apps/console");
const port = process.env.E2E_PORT ?? "3100";
const databaseUrl = process.env.E2E_DATABASE_URL;

const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;
delete env.DB_DRIVER;
delete env.PGLITE_DIR;

if (databaseUrl) {
  const host = new URL(databaseUrl).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(host)) {
    console.error(`e2e: refusing to empty a non-local database at \`${host}\``);
    process.exit(1);
  }
  // Create the database on first use (through the maintenance database), then empty it.
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z0-9_]+$/i.test(name)) {
    console.error(`e2e: database name \`${name}\` must be letters, digits and underscores`);
    process.exit(1);
  }
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await client.end();
  env.DATABASE_URL = databaseUrl;
} else {
  const dir = path.join(import.meta.dirname, "..", ".data", `pglite-${process.pid}`);
  rmSync(path.dirname(dir), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  env.PGLITE_DIR = path.join(dir, "db");
}

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const server = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", "127.0.0.1"], { cwd: consoleDir, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
