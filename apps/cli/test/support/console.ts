import { execFileSync, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// Starts the BUILT console (`next start` of apps/console) on a free port with a fresh PGlite dir,
// for end-to-end tests of the real enroll → publish → pull loop. PGlite is single-process: run
// operator commands (`adminCommand`) while the console is stopped (`stop()` then `start()`).

const REPO = resolve(import.meta.dirname, "../../../..");

export type TConsole = {
  url: string;
  env: Record<string, string>;
  admin: { email: string; password: string };
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** Runs `npm run admin -w @egress/console -- <args>` against this console's database (console must be stopped) */
  adminCommand: (args: string[]) => string;
  /** Creates an org API token with the operator command and returns it */
  createApiToken: (org?: string) => string;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));

  return port;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`console did not start at ${url} within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** Prepares (does not start) a console with a fresh database */
export async function prepareConsole(): Promise<TConsole> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const admin = { email: `admin-${randomBytes(4).toString("hex")}@example.com`, password: randomBytes(12).toString("base64url") };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: "production",
    PORT: String(port),
    PGLITE_DIR: mkdtempSync(join(tmpdir(), "egress-console-db-")),
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    EGRESS_KEK: randomBytes(32).toString("base64"),
    EGRESS_ADMIN_EMAIL: admin.email,
    EGRESS_ADMIN_PASSWORD: admin.password,
    TURBO_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
  let child: ChildProcess | undefined;
  const consoleHandle: TConsole = {
    url,
    env,
    admin,
    start: async () => {
      child = spawn("npm", ["run", "start", "-w", "@egress/console", "--", "-p", String(port), "-H", "127.0.0.1"], { cwd: REPO, env, stdio: "ignore", detached: true });
      await waitForHttp(`${url}/api/v1/snapshot`, 60_000);
    },
    stop: async () => {
      const running = child;
      if (!running?.pid) return;
      const exited = new Promise<void>((done) => running.once("exit", () => done()));
      // The npm wrapper and next-server share this process group (started detached above)
      process.kill(-running.pid, "SIGTERM");
      await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
      child = undefined;
    },
    adminCommand: (args) => execFileSync("npm", ["run", "--silent", "admin", "-w", "@egress/console", "--", ...args], { cwd: REPO, env, encoding: "utf8", timeout: 120_000 }),
    createApiToken: (org = "demo") => {
      const output = consoleHandle.adminCommand(["create-api-token", "--org", org, "--json"]);
      const json = JSON.parse(output.slice(output.indexOf("{"))) as { token?: string };
      if (!json.token) throw new Error(`create-api-token printed no token: ${output}`);

      return json.token;
    },
  };

  return consoleHandle;
}
