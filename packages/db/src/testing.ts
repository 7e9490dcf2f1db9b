import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type TDatabase } from "./client";
import { migrateDatabase } from "./migrate";

/** Which database the integration tests run on: `EGRESS_TEST_DB=pg` for PostgreSQL, else PGlite. */
export const TEST_DB_KIND: "pg" | "pglite" = process.env.EGRESS_TEST_DB === "pg" ? "pg" : "pglite";

/** Administrative URL of the local PostgreSQL used to create throw-away databases. */
export const TEST_PG_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export type TTestDatabase = TDatabase & { kind: "pg" | "pglite"; url?: string; name: string };

/** Creates an empty database on the local PostgreSQL and returns its URL. */
export async function createPgDatabase(prefix = "egress_t"): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the local PostgreSQL when `EGRESS_TEST_DB=pg`. Never a mocked client.
 */
export async function createTestDatabase(kind: "pg" | "pglite" = TEST_DB_KIND): Promise<TTestDatabase> {
  if (kind === "pg") {
    const created = await createPgDatabase();
    const db = openDatabase({ databaseUrl: created.url });
    await migrateDatabase({ driver: db.driver });

    return {
      ...db,
      kind,
      url: created.url,
      name: created.name,
      close: async () => {
        await db.close();
        await created.drop();
      },
    };
  }
  const db = openDatabase({ pgliteDir: "memory://" });
  await migrateDatabase({ driver: db.driver });

  return { ...db, kind, name: "memory" };
}

let issued = 0;

/**
 * Unique suffix for test data (emails, slugs, event ids) so tests never collide: a per-process
 * counter (thousands of ids in one millisecond used to collide on the 24 random bits alone, about
 * one run in ten of the impact test) plus time and randomness across processes
 */
export function uniqueId(prefix = "t"): string {
  issued += 1;

  return `${prefix}${Date.now().toString(36)}${issued.toString(36)}${randomBytes(3).toString("hex")}`;
}
