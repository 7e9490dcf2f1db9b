import { createTRPCRouter } from "../../trpc";
import { findAuditEventsRoute } from "./find-audit-events";

/** The audit log. */
export const auditRouter = createTRPCRouter({ list: findAuditEventsRoute });
