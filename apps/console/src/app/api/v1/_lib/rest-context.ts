import "server-only";
import type { TRestContext } from "@egress/api/rest";
import { getDb } from "@/server/db";

/**
 * The context every `/api/v1` handler gets: the process-wide database and the route params. The
 * console URL shown in enroll commands comes from `EGRESS_PUBLIC_URL` / `NEXTAUTH_URL`, else the request.
 */
export async function restContext(params?: Record<string, string>): Promise<TRestContext> {
  return { db: await getDb(), ...(params ? { params } : {}) };
}
