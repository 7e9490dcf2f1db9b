import { permissionProcedure } from "../../trpc";
import { proposeAllow } from "../../services/review/propose-allow";
import { ZProposeAllowRequestSchema, ZProposeAllowResponseSchema } from "./propose-allow.types";

/** `review.proposeAllow`: "allow this" — a draft change (or a temporary grant) for a group, with a justification. Audited. */
export const proposeAllowRoute = permissionProcedure("requests.decide")
  .input(ZProposeAllowRequestSchema)
  .output(ZProposeAllowResponseSchema)
  .mutation(async ({ ctx, input }) => proposeAllow({ db: ctx.db, actor: ctx.actor, input }));
