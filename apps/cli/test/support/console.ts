import { execFile, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// Starts the BUILT console (`next start` of apps/console) on a free 127.0.0.1 port with a fresh
// database, for end-to-end tests of the real loop:
//   default:            a new PGlite data directory in a temp dir
//   EGRESS_TEST_DB=pg:  a new database on EGRESS_TEST_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres), dropped by dispose()
// PGlite is single-process: operator commands (`adminCommand`) run while the console is stopped;
// with PostgreSQL they run alongside it. Build first:
//   npx turbo run build --filter=@egress/console --filter=egress-sync

const REPO = resolve(import.meta.dirname, "../../../..");
const CONSOLE_DIR = join(REPO, "apps/console");
const NEXT_BIN = join(REPO, "node_modules/next/dist/bin/next");
const TSX_BIN = join(REPO, "node_modules/.bin/tsx");

export type TDatabaseKind = "pglite" | "pg";

export type TConsole = {
  url: string;
  env: Record<string, string>;
  admin: { email: string; password: string };
  db: { kind: "pglite"; dir: string } | { kind: "pg"; url: string; name: string };
  /** Whether a console process is running */
  readonly isRunning: boolean;
  /** The last 64 KiB of the console's stdout and stderr (for failure messages) */
  logs: () => string;
  start: () => Promise<void>;
  /** Stops the console: SIGTERM to its process group (SIGKILL after 10 s); it closes its database on the way out */
  stop: () => Promise<void>;
  /** Runs the operator command (`npm run admin -w @egress/console -- <args>`); PGlite: the console must be stopped */
  adminCommand: (args: string[]) => Promise<string>;
  /** Creates an org API token (role admin) with the operator command and returns it */
  createApiToken: (org?: string) => Promise<string>;
  /** Stops the console, drops the PostgreSQL database, removes temp dirs */
  dispose: () => Promise<void>;
};

/** The database the e2e tests run on: EGRESS_TEST_DB=pg for PostgreSQL, PGlite otherwise */
export function testDatabaseKind(): TDatabaseKind {
  return process.env.EGRESS_TEST_DB === "pg" ? "pg" : "pglite";
}

type TPgClient = { connect: () => Promise<void>; query: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>; end: () => Promise<void> };
type TPgModule = { Client: new (opts: { connectionString: string }) => TPgClient };

/** The `pg` driver (a dependency of the workspace, loaded untyped) */
export function loadPg(): TPgModule {
  return createRequire(join(REPO, "package.json"))("pg") as TPgModule;
}

/** Runs `fn` with a connected client on `url` */
export async function withPg<T>(url: string, fn: (client: TPgClient) => Promise<T>): Promise<T> {
  const client = new (loadPg().Client)({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));

  return port;
}

function assertBuilt(): void {
  const missing = [join(CONSOLE_DIR, ".next/BUILD_ID"), join(REPO, "apps/cli/dist/egress-sync.cjs")].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`e2e: the console and the CLI must be built first (missing ${missing.join(", ")}): run \`npx turbo run build --filter=@egress/console --filter=egress-sync\``);
  }
}

async function waitForReady(url: string, child: ChildProcess, logs: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the console exited during start-up (${child.exitCode ?? child.signalCode}):\n${logs()}`);
    try {
      // The device API answers 401 without a credential once the app (and its database) is up
      const response = await fetch(`${url}/api/v1/snapshot`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 401) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the console did not become ready at ${url} within ${timeoutMs} ms:\n${logs()}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

function execText(file: string, args: string[], opts: { cwd: string; env: Record<string, string> }): Promise<string> {
  return new Promise((done, fail) => {
    execFile(file, args, { ...opts, encoding: "utf8", timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`\`${args.join(" ")}\` failed (${error.code ?? error.signal ?? "?"}): ${stderr || stdout}`));
      else done(stdout);
    });
  });
}

/** Prepares (does not start) a console with a fresh database */
export async function prepareConsole(opts: { kind?: TDatabaseKind; env?: Record<string, string> } = {}): Promise<TConsole> {
  assertBuilt();
  const kind = opts.kind ?? testDatabaseKind();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const admin = { email: `admin-${randomBytes(4).toString("hex")}@example.com`, password: `pw-${randomBytes(12).toString("base64url")}` };
  const tempDir = mkdtempSync(join(tmpdir(), "egress-console-"));
  let db: TConsole["db"];
  if (kind === "pg") {
    const maintenance = new URL(process.env.EGRESS_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
    if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(maintenance.hostname)) throw new Error(`e2e: refusing a non-local PostgreSQL at ${maintenance.hostname}`);
    const name = `egress_e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    await withPg(maintenance.toString(), (client) => client.query(`CREATE DATABASE "${name}"`));
    const target = new URL(maintenance.toString());
    target.pathname = `/${name}`;
    db = { kind: "pg", url: target.toString(), name };
  } else {
    db = { kind: "pglite", dir: join(tempDir, "pglite") };
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: "production",
    PORT: String(port),
    ...(db.kind === "pg" ? { DATABASE_URL: db.url } : { PGLITE_DIR: db.dir }),
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    EGRESS_KEK: randomBytes(32).toString("base64"),
    EGRESS_ADMIN_EMAIL: admin.email,
    EGRESS_ADMIN_PASSWORD: admin.password,
    NEXT_TELEMETRY_DISABLED: "1",
    TURBO_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    ...opts.env,
  };
  let child: ChildProcess | undefined;
  let output = "";
  const append = (chunk: string) => {
    output = (output + chunk).slice(-65_536);
  };
  const isRunning = () => !!child && child.exitCode === null && child.signalCode === null;

  const killGroup = async (running: ChildProcess) => {
    const exited = new Promise<void>((done) => running.once("exit", () => done()));
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-(running.pid as number), signal);
      } catch {
        // already gone
      }
    };
    signalGroup("SIGTERM");
    const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    // next-server may leave workers in the group: make sure none outlives the console
    signalGroup("SIGKILL");
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (running?.pid && running.exitCode === null && running.signalCode === null) await killGroup(running);
  };

  const handle: TConsole = {
    url,
    env,
    admin,
    db,
    get isRunning() {
      return isRunning();
    },
    logs: () => output,
    start: async () => {
      if (isRunning()) throw new Error("the console is already running");
      // Own process group (detached), so stop() reaches next-server and anything it forks
      const started = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: CONSOLE_DIR, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
      child = started;
      started.stdout?.setEncoding("utf8").on("data", append);
      started.stderr?.setEncoding("utf8").on("data", append);
      try {
        await waitForReady(url, started, handle.logs, 90_000);
      } catch (error) {
        await stop();
        throw error;
      }
    },
    stop,
    adminCommand: async (args) => {
      if (db.kind === "pglite" && isRunning()) throw new Error("PGlite is single-process: stop the console before running an operator command");

      return execText(process.execPath, [TSX_BIN, "scripts/admin.ts", ...args], { cwd: CONSOLE_DIR, env });
    },
    createApiToken: async (org = "demo") => {
      const output = await handle.adminCommand(["create-api-token", "--org", org, "--name", `e2e-${randomBytes(3).toString("hex")}`, "--json"]);
      const json = JSON.parse(output.slice(output.indexOf("{"))) as { token?: string };
      if (!json.token) throw new Error(`create-api-token printed no token: ${output}`);

      return json.token;
    },
    dispose: async () => {
      await stop();
      if (db.kind === "pg") {
        const maintenance = new URL(db.url);
        maintenance.pathname = "/postgres";
        await withPg(maintenance.toString(), (client) => client.query(`DROP DATABASE IF EXISTS "${db.name}" WITH (FORCE)`));
      }
      rmSync(tempDir, { recursive: true, force: true });
    },
  };

  return handle;
}

/**
 * Starts a console on a fresh database, lets first-run create the `demo` org and its owner, then
 * runs the operator work `setup` needs (API tokens, more orgs): with PGlite the console is stopped
 * for it and started again on the same data directory; with PostgreSQL it runs alongside.
 */
export async function launchConsole<T>(opts: { kind?: TDatabaseKind; env?: Record<string, string>; setup: (console: TConsole) => Promise<T> }): Promise<{ console: TConsole; setup: T }> {
  const handle = await prepareConsole(opts);
  try {
    await handle.start();
    if (handle.db.kind === "pglite") await handle.stop();
    const setup = await opts.setup(handle);
    if (!handle.isRunning) await handle.start();

    return { console: handle, setup };
  } catch (error) {
    await handle.dispose();
    throw error;
  }
}
