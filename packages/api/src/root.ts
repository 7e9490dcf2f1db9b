import { createCallerFactory, createTRPCRouter } from "./trpc";
import { apiTokensRouter } from "./routers/api-tokens/router";
import { auditRouter } from "./routers/audit/router";
import { meRouter } from "./routers/me/router";
import { membersRouter } from "./routers/members/router";
import { orgRouter } from "./routers/org/router";
import { policyToolsRouter } from "./routers/policy-tools/router";
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
  policyTools: policyToolsRouter,
});

/** The router's type, for the console's typed client. */
export type AppRouter = typeof appRouter;

/** Server-side caller (RSC, tests): `createCaller(createTRPCContext({ db, session, headers }))`. */
export const createCaller = createCallerFactory(appRouter);
