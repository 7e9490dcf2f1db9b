import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type TDatabase } from "@egress/db";
import { createPgDatabase, TEST_DB_KIND } from "@egress/db/testing";
import { authenticateApiToken } from "../src/services/api-tokens/authenticate-api-token";
import { verifyPasswordSignIn } from "../src/services/auth/verify-password-sign-in";
import { TEST_KEK } from "./helpers";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const SCRIPT = path.join(ROOT, "apps", "console", "scripts", "admin.ts");

let dir: string;
let dbEnv: Record<string, string>;
let dropPg: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "egress-admin-"));
  if (TEST_DB_KIND === "pg") {
    const pg = await createPgDatabase("egress_admin");
    dbEnv = { DATABASE_URL: pg.url };
    dropPg = () => pg.drop();
  } else {
    dbEnv = { PGLITE_DIR: path.join(dir, "pglite") };
  }
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropPg?.();
});

/** Runs the operator command as the operator would, in its own process. */
function admin(...args: string[]) {
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? dir, EGRESS_KEK: TEST_KEK.toString("base64"), ...dbEnv };
  const result = spawnSync(TSX, [SCRIPT, ...args], { cwd: ROOT, env, encoding: "utf8", timeout: 120_000 });

  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function withDatabase<T>(fn: (db: TDatabase) => Promise<T>): Promise<T> {
  const db = openDatabase({ databaseUrl: dbEnv.DATABASE_URL, pgliteDir: dbEnv.PGLITE_DIR });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe("operator command (npm run admin)", () => {
  it("on an empty database: create-org with a new owner, then an API token that the admin API accepts", async () => {
    const org = admin("create-org", "--slug", "acme", "--name", "Acme Corp", "--owner-email", "Owner@Acme.Example", "--json");
    expect(org.stderr).toBe("");
    expect(org.code).toBe(0);
    const created = JSON.parse(org.stdout) as { id: string; slug: string; owner: { email: string; password: string } };
    expect(created).toMatchObject({ slug: "acme", owner: { email: "owner@acme.example" } });

    const token = admin("create-api-token", "--org", "acme", "--name", "gitops", "--expires-days", "30", "--json");
    expect(token.code).toBe(0);
    const issued = JSON.parse(token.stdout) as { token: string; role: string };
    expect(issued).toMatchObject({ role: "admin" });

    const orgs = admin("list-orgs", "--json");
    expect(JSON.parse(orgs.stdout)).toEqual([expect.objectContaining({ slug: "acme", name: "Acme Corp", members: 1 })]);

    await withDatabase(async ({ prisma }) => {
      expect(await authenticateApiToken({ db: prisma, bearer: `Bearer ${issued.token}` })).toMatchObject({ orgId: created.id, role: "admin", label: "api-token:gitops" });
      expect((await verifyPasswordSignIn({ db: prisma, email: "owner@acme.example", password: created.owner.password })).status).toBe("ok");
      const audit = await prisma.auditEvent.findMany({ where: { orgId: created.id } });
      expect(audit.map((e) => e.action).sort()).toEqual(["api_token.created", "org.created"]);
      expect(audit.every((e) => e.actorType === "system" && e.actorLabel === "admin-cli")).toBe(true);
      expect(JSON.stringify(await prisma.auditEvent.findMany())).not.toContain(issued.token);
      expect(await prisma.organization.count({ where: { slug: "demo" } })).toBe(0);
    });
  });

  it("says what went wrong: exit 1 for errors, 2 for usage, never a stack trace", () => {
    const missing = admin("add-member", "--org", "nope", "--email", "x@example.test", "--role", "viewer");
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe("error: organization `nope` not found: see `list-orgs`");
    const taken = admin("create-org", "--slug", "acme", "--name", "Again", "--json");
    expect(taken.code).toBe(1);
    expect(JSON.parse(taken.stderr)).toEqual({ error: { code: "CONFLICT", message: "organization slug `acme` is already taken: choose another one" } });
    const usage = admin("create-api-token", "--org", "acme");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("missing required option --name");
    const unknown = admin("frobnicate");
    expect(unknown.code).toBe(2);
    for (const r of [missing, taken, usage, unknown]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  // The embedded database's lock file exists only with PGlite; on PostgreSQL there is nothing to test.
  if (TEST_DB_KIND === "pglite") {
    describe("embedded database lock", () => {
      it("refuses an embedded database that another live process holds open", () => {
        const dir = dbEnv.PGLITE_DIR ?? "";
        const holder = spawn("sleep", ["30"], { stdio: "ignore" });
        writeFileSync(path.join(dir, "postmaster.pid"), "-42\n");
        writeFileSync(path.join(dir, "egress-owner.json"), JSON.stringify({ pid: holder.pid }));
        try {
          const result = admin("list-users");
          expect(result.code).toBe(1);
          expect(result.stderr).toContain(`is in use by process ${holder.pid}`);
        } finally {
          holder.kill();
          rmSync(path.join(dir, "postmaster.pid"), { force: true });
          rmSync(path.join(dir, "egress-owner.json"), { force: true });
        }
      });

      it("opens an embedded database left locked by a console that died", () => {
        const dir = dbEnv.PGLITE_DIR ?? "";
        const dead = spawnSync("true");
        writeFileSync(path.join(dir, "postmaster.pid"), "-42\n");
        writeFileSync(path.join(dir, "egress-owner.json"), JSON.stringify({ pid: dead.pid }));
        const result = admin("list-users", "--json");
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
      });
    });
  }
});
