import { permissionProcedure } from "../../trpc";
import { findEnrollmentTokens } from "../../services/enrollment/find-enrollment-tokens";
import { ZFindEnrollmentTokensResponseSchema } from "./find-enrollment-tokens.types";

/** `enrollment.list`: the org's enrollment tokens with their state (never the secret). */
export const findEnrollmentTokensRoute = permissionProcedure("devices.read")
  .output(ZFindEnrollmentTokensResponseSchema)
  .query(async ({ ctx }) => findEnrollmentTokens({ db: ctx.db, actor: ctx.actor }));
