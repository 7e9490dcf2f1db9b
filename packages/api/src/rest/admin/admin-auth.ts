import { AppError, can, type TPermission } from "@egress/contracts";
import { authenticateApiToken } from "../../services/api-tokens/authenticate-api-token";
import type { TActor } from "../../trpc";
import { getBearer, type TRestContext } from "../http";

/** Authenticates an org API token (`Bearer egk_…`) and checks its role holds `permission`: 401 / 403 otherwise. */
export async function requireApiToken(req: Request, ctx: TRestContext, permission: TPermission): Promise<TActor> {
  const principal = await authenticateApiToken({ db: ctx.db, bearer: getBearer(req) });
  if (!principal) throw new AppError("UNAUTHORIZED", "api token is missing, unknown, revoked or expired: send `Authorization: Bearer egk_…`");
  if (!can(principal.role, permission)) throw new AppError("FORBIDDEN", `api token role \`${principal.role}\` lacks permission \`${permission}\``);

  return { userId: null, orgId: principal.orgId, role: principal.role, label: principal.label, type: "api_token" };
}
