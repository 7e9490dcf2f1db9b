import { permissionProcedure } from "../../trpc";
import { findAuditEvents } from "../../services/orgs/find-audit-events";
import { ZFindAuditEventsRequestSchema, ZFindAuditEventsResponseSchema } from "./find-audit-events.types";

/** `audit.list`: the active organization's audit log, filtered by actor, action and time, newest first. */
export const findAuditEventsRoute = permissionProcedure("audit.read")
  .input(ZFindAuditEventsRequestSchema)
  .output(ZFindAuditEventsResponseSchema)
  .query(async ({ ctx, input }) => findAuditEvents({ db: ctx.db, actor: ctx.actor, input }));
