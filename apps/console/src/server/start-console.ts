import "server-only";
import { bootstrapFirstRun, startResignLoop } from "@egress/api";
import { closeDatabase, getDatabase } from "@egress/db";
import { getDatabaseConfig, getEnv, getProcessEnv } from "@/env";

/**
 * Start-up work of a console process, run once before it serves requests: validate the
 * environment, open (and migrate) the database, create the first owner on an empty database
 * (printing the sign-in details), and start the snapshot re-sign loop. Any failure stops the start.
 */
export async function startConsole(): Promise<void> {
  const env = getEnv();
  const database = await getDatabase(getDatabaseConfig(env));
  const db = database.prisma;
  await bootstrapFirstRun({ db, env: getProcessEnv(), log: (message) => console.log(message) });
  startResignLoop({ db, intervalMs: env.EGRESS_RESIGN_INTERVAL_MS, log: (message) => console.warn(`egress: ${message}`) });
  // Close the embedded database on shutdown so its directory is left clean (Next's own handler
  // exits after draining requests; this runs alongside it, best effort).
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void closeDatabase().catch(() => undefined);
    });
  }
  console.log(`egress: console ready (${database.driver.kind === "pg" ? "PostgreSQL" : "embedded PGlite"})`);
}
