import { permissionProcedure } from "../../trpc";
import { getDashboardSummary } from "../../services/dashboard/get-dashboard-summary";
import { ZGetDashboardSummaryRequestSchema, ZGetDashboardSummaryResponseSchema } from "./get-dashboard-summary.types";

/** `dashboard.summary`: blocks over time, top blocked destinations, fleet freshness, pending requests, triage backlog. */
export const getDashboardSummaryRoute = permissionProcedure("events.read")
  .input(ZGetDashboardSummaryRequestSchema)
  .output(ZGetDashboardSummaryResponseSchema)
  .query(async ({ ctx, input }) => getDashboardSummary({ db: ctx.db, actor: ctx.actor, input }));
