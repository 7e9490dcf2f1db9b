import { createCallerFactory, createTRPCRouter } from "./trpc";
import { apiTokensRouter } from "./routers/api-tokens/router";
import { auditRouter } from "./routers/audit/router";
import { dashboardRouter } from "./routers/dashboard/router";
import { devicesRouter } from "./routers/devices/router";
import { enrollmentRouter } from "./routers/enrollment/router";
import { eventsRouter } from "./routers/events/router";
import { keysRouter } from "./routers/keys/router";
import { meRouter } from "./routers/me/router";
import { membersRouter } from "./routers/members/router";
import { orgRouter } from "./routers/org/router";
import { policyToolsRouter } from "./routers/policy-tools/router";
import { policyRouter } from "./routers/policy/router";
import { requestsRouter } from "./routers/requests/router";
import { reviewRouter } from "./routers/review/router";
import { settingsRouter } from "./routers/settings/router";

/**
 * The console's tRPC API. Every procedure is listed in the role × procedure matrix test
 * (packages/api/test/matrix): a procedure without an entry there fails the build's tests.
 */
export const appRouter = createTRPCRouter({
  me: meRouter,
  org: orgRouter,
  settings: settingsRouter,
  members: membersRouter,
  audit: auditRouter,
  apiTokens: apiTokensRouter,
  keys: keysRouter,
  policy: policyRouter,
  policyTools: policyToolsRouter,
  devices: devicesRouter,
  enrollment: enrollmentRouter,
  events: eventsRouter,
  requests: requestsRouter,
  review: reviewRouter,
  dashboard: dashboardRouter,
});

/** The router's type, for the console's typed client. */
export type AppRouter = typeof appRouter;

/** Server-side caller (RSC, tests): `createCaller(createTRPCContext({ db, session, headers }))`. */
export const createCaller = createCallerFactory(appRouter);
