import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** Raw access to the database driver, for migrations and maintenance scripts. */
export type TDriver = {
  kind: "pglite" | "pg";
  /** Runs a multi-statement SQL script (simple query protocol). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised query. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

export type TDatabaseConfig = {
  /** postgres:// or postgresql:// URL: PostgreSQL. Anything else: the embedded PGlite database. */
  databaseUrl?: string | undefined;
  /** PGlite data directory, or "memory://" for an in-memory database. */
  pgliteDir?: string | undefined;
};

export const isServerUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

/** The default embedded data directory: `<repo>/.data/pglite`, found from the working directory. */
export function defaultPgliteDir(cwd = process.cwd()): string {
  return path.join(findRepoRoot(cwd) ?? cwd, ".data", "pglite");
}

const OWNER_FILE = "egress-owner.json";

/**
 * The pid of another live process that has the embedded database in `dir` open, or undefined when
 * none does (never opened, closed cleanly, or its owner died: PGlite recovers such a directory).
 */
export function embeddedDatabaseOwner(dir: string): number | undefined {
  let pid: unknown;
  try {
    pid = (JSON.parse(readFileSync(path.join(dir, OWNER_FILE), "utf8")) as { pid?: unknown }).pid;
  } catch {
    return undefined;
  }
  if (typeof pid !== "number" || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);

    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}

/** Walks up from `cwd` to the directory that holds `prisma/schema.prisma`. */
export function findRepoRoot(cwd = process.cwd()): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(dir, "prisma", "schema.prisma"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Creates the Prisma driver adapter and a raw driver for the configured database. */
export function createAdapter(config: TDatabaseConfig) {
  if (isServerUrl(config.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    let isClosing = false;
    // An idle client whose server connection ends (restart, or a test dropping its database after
    // close) emits `error` on the pool; without a listener that would crash the process.
    pool.on("error", (error) => {
      if (!isClosing) console.error(`database connection lost: ${error.message}`);
    });
    const driver: TDriver = {
      kind: "pg",
      exec: async (sql) => {
        await pool.query(sql);
      },
      query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
      close: async () => {
        isClosing = true;
        await pool.end();
      },
    };

    return { adapter: new PrismaPg(pool), driver, pglite: undefined };
  }
  const dir = config.pgliteDir ?? defaultPgliteDir();
  const isOnDisk = !dir.includes("://");
  if (isOnDisk) mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  // PGlite's own postmaster.pid carries a fixed fake pid, so other processes (the operator
  // command) cannot tell a live owner from a crashed one; record the real one beside it.
  if (isOnDisk) writeFileSync(path.join(dir, OWNER_FILE), JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
  const driver: TDriver = {
    kind: "pglite",
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    close: async () => {
      await pglite.close();
      if (isOnDisk) rmSync(path.join(dir, OWNER_FILE), { force: true });
    },
  };

  return { adapter: new PrismaPGlite(pglite), driver, pglite };
}
