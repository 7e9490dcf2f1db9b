import "server-only";
import * as api from "@egress/api";
import { bootstrapFirstRun } from "@egress/api";
import { getDatabase } from "@egress/db";
import { getDatabaseConfig, getEnv, getProcessEnv } from "@/env";

type TStartResignLoop = (opts: { db: Awaited<ReturnType<typeof getDatabase>>["prisma"]; intervalMs?: number; log?: (msg: string) => void }) => () => void;

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
  const startResignLoop = (api as unknown as { startResignLoop?: TStartResignLoop }).startResignLoop;
  if (startResignLoop) {
    startResignLoop({ db, intervalMs: env.EGRESS_RESIGN_INTERVAL_MS, log: (message) => console.warn(`egress: ${message}`) });
  } else {
    console.warn("egress: snapshot re-sign loop not available in this build");
  }
  console.log(`egress: console ready (${database.driver.kind === "pg" ? "PostgreSQL" : "embedded PGlite"})`);
}
