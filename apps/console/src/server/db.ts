import "server-only";
import { getDatabase, type PrismaClient } from "@egress/db";
import { getDatabaseConfig } from "@/env";

/**
 * The process-wide Prisma client. `getDatabase` opens the database once per process (PGlite allows
 * one owner per data directory) and applies pending migrations before the first query.
 */
export async function getDb(): Promise<PrismaClient> {
  const database = await getDatabase(getDatabaseConfig());

  return database.prisma;
}
