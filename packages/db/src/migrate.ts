import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot, type TDriver } from "./adapter";

/** One migration folder: `<timestamp>_<name>/migration.sql`. */
export type TMigration = { name: string; sql: string; checksum: string };

/**
 * The migrations directory: `EGRESS_MIGRATIONS_DIR`, else `<repo>/prisma/migrations`
 * found by walking up from the working directory.
 */
export function findMigrationsDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.EGRESS_MIGRATIONS_DIR;
  if (fromEnv) return fromEnv;
  const root = findRepoRoot();
  if (!root) throw new Error("migrations not found: set `EGRESS_MIGRATIONS_DIR` or run inside the repository");

  return path.join(root, "prisma", "migrations");
}

/** Reads every migration, in order. */
export function loadMigrations(dir = findMigrationsDir()): TMigration[] {
  if (!existsSync(dir)) throw new Error(`migrations directory \`${dir}\` does not exist`);

  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");

      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// Same table as `prisma migrate deploy`, so the Prisma CLI and this runner agree on what is applied.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

const ADVISORY_LOCK_KEY = 72707369; // any constant: serialises concurrent console starts on PostgreSQL

/**
 * Applies pending migrations, each in its own transaction. Refuses to run when an applied
 * migration was edited (checksum mismatch) or a previous one failed, like `prisma migrate deploy`.
 */
export async function migrateDatabase({ driver, migrations = loadMigrations() }: { driver: TDriver; migrations?: TMigration[] }) {
  const applied: string[] = [];
  if (driver.kind === "pg") await driver.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await driver.exec(MIGRATIONS_TABLE);
    const rows = await driver.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) throw new Error(`migration \`${failed.migration_name}\` failed earlier: resolve it before starting`);
    const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
    for (const m of migrations) {
      const checksum = done.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) throw new Error(`migration \`${m.name}\` was modified after it was applied`);
        continue;
      }
      const id = randomUUID();
      await driver.exec(
        `BEGIN;\n${m.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('${id}', '${m.checksum}', '${m.name.replace(/'/g, "''")}', now(), 1);\nCOMMIT;`,
      ).catch(async (error: unknown) => {
        await driver.exec("ROLLBACK;").catch(() => undefined);
        throw new Error(`migration \`${m.name}\` failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      applied.push(m.name);
    }
  } finally {
    if (driver.kind === "pg") await driver.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
  }

  return { applied };
}
