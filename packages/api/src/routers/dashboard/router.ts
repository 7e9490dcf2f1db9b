import { createTRPCRouter } from "../../trpc";
import { getDashboardSummaryRoute } from "./get-dashboard-summary";

/** The overview dashboard's figures. */
export const dashboardRouter = createTRPCRouter({
  summary: getDashboardSummaryRoute,
});
