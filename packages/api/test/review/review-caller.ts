import type { PrismaClient } from "@egress/db";
import { dashboardRouter } from "../../src/routers/dashboard/router";
import { reviewRouter } from "../../src/routers/review/router";
import { createCallerFactory, createTRPCContext, createTRPCRouter } from "../../src/trpc";
import type { TTestUser } from "../helpers";

// The review and dashboard routers on their own, so these tests do not depend on root.ts wiring
const router = createTRPCRouter({ review: reviewRouter, dashboard: dashboardRouter });
const createCaller = createCallerFactory(router);

/** A caller of the review and dashboard routers for `user` in `orgId`. */
export function reviewCaller(db: PrismaClient, user: TTestUser | null, orgId?: string) {
  const headers = new Headers(orgId ? { "x-egress-org": orgId } : {});

  return createCaller(createTRPCContext({ db, session: user ? { userId: user.id, email: user.email, name: user.name } : null, headers }));
}
