import "server-only";
import { createTRPCContext, type TContext } from "@egress/api";
import { ORG_HEADER } from "@/lib/constants";
import { getCurrentUser } from "../auth/session";
import { getDb } from "../db";
import { getActiveOrg } from "../org";

/**
 * The tRPC context for one request: the database, the session user (re-validated), and the active
 * organization. The client names it in `x-egress-org`; without the header the cookie (or the
 * user's first org) applies. Membership is always checked by `orgProcedure`.
 */
export async function createConsoleContext({ headers }: { headers: Headers }): Promise<TContext> {
  const [db, user] = await Promise.all([getDb(), getCurrentUser()]);
  const scoped = new Headers(headers);
  if (user && !scoped.get(ORG_HEADER)) {
    const org = await getActiveOrg(user.userId);
    if (org) scoped.set(ORG_HEADER, org.id);
  }

  return createTRPCContext({ db, session: user, headers: scoped });
}
