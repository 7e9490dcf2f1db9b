import { getDatabase } from "@egress/db";
import { getDatabaseConfig } from "@/env";

export const dynamic = "force-dynamic";

/** Liveness and readiness for load balancers and the Docker health check: the database answers. */
export async function GET() {
  try {
    const database = await getDatabase(getDatabaseConfig());
    await database.driver.query("SELECT 1");

    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
