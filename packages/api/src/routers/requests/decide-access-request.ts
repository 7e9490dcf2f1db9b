import { permissionProcedure } from "../../trpc";
import { decideAccessRequest } from "../../services/requests/decide-access-request";
import { ZDecideAccessRequestRequestSchema } from "./decide-access-request.types";

/** `requests.decide`: approve (into the draft, or published at once per org setting; optional expiry) or deny with a reason. */
export const decideAccessRequestRoute = permissionProcedure("requests.decide")
  .input(ZDecideAccessRequestRequestSchema)
  .mutation(async ({ ctx, input }) => decideAccessRequest({ db: ctx.db, actor: ctx.actor, input }));
