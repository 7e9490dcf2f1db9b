import { permissionProcedure } from "../../trpc";
import { triageEventGroup } from "../../services/review/triage-event-group";
import { ZTriageEventGroupRequestSchema, ZTriageEventGroupResponseSchema } from "./triage-event-group.types";

/** `review.triage`: acknowledge, dismiss (with a reason), mark allowed, or reopen a group. Audited. */
export const triageEventGroupRoute = permissionProcedure("events.triage")
  .input(ZTriageEventGroupRequestSchema)
  .output(ZTriageEventGroupResponseSchema)
  .mutation(async ({ ctx, input }) => triageEventGroup({ db: ctx.db, actor: ctx.actor, input }));
