import { createTRPCRouter } from "../../trpc";
import { createEnrollmentTokenRoute } from "./create-enrollment-token";
import { findEnrollmentTokensRoute } from "./find-enrollment-tokens";
import { revokeEnrollmentTokenRoute } from "./revoke-enrollment-token";

/** Enrollment tokens for developer machines. */
export const enrollmentRouter = createTRPCRouter({
  create: createEnrollmentTokenRoute,
  list: findEnrollmentTokensRoute,
  revoke: revokeEnrollmentTokenRoute,
});
