import { createAdapter, type TDatabaseConfig, type TDriver } from "./adapter";
import { PrismaClient } from "./generated/prisma/client";
import { migrateDatabase } from "./migrate";

export type TDatabase = { prisma: PrismaClient; driver: TDriver; close(): Promise<void> };

/** Opens a database (PGlite or PostgreSQL) with a Prisma client bound to it. */
export function openDatabase(config: TDatabaseConfig): TDatabase {
  const { adapter, driver } = createAdapter(config);
  const prisma = new PrismaClient({ adapter });

  return {
    prisma,
    driver,
    close: async () => {
      await prisma.$disconnect();
      await driver.close();
    },
  };
}

// globalThis, not module scope: Next bundles this module into several route bundles, and
// PGlite must be opened once per process (one data directory, one owner).
const g = globalThis as unknown as { __egressDb?: Promise<TDatabase> };

/** Config from the environment: `DATABASE_URL` (PostgreSQL) or `PGLITE_DIR` (embedded). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): TDatabaseConfig {
  return {
    databaseUrl: env.DB_DRIVER === "pglite" ? undefined : env.DATABASE_URL,
    pgliteDir: env.PGLITE_DIR,
  };
}

/** The process-wide database, opened and migrated on first use. */
export function getDatabase(config: TDatabaseConfig = configFromEnv()): Promise<TDatabase> {
  g.__egressDb ??= (async () => {
    const db = openDatabase(config);
    await migrateDatabase({ driver: db.driver });

    return db;
  })().catch((error: unknown) => {
    g.__egressDb = undefined;
    throw error;
  });

  return g.__egressDb;
}

/** Closes the process-wide database (scripts: PGlite's timers otherwise keep Node alive). */
export async function closeDatabase() {
  const db = await g.__egressDb?.catch(() => undefined);
  g.__egressDb = undefined;
  await db?.close();
}
