import { permissionProcedure } from "../../trpc";
import { revokeEnrollmentToken } from "../../services/enrollment/revoke-enrollment-token";
import { ZRevokeEnrollmentTokenRequestSchema, ZRevokeEnrollmentTokenResponseSchema } from "./revoke-enrollment-token.types";

/** `enrollment.revoke`: the token admits no more devices. */
export const revokeEnrollmentTokenRoute = permissionProcedure("devices.manage")
  .input(ZRevokeEnrollmentTokenRequestSchema)
  .output(ZRevokeEnrollmentTokenResponseSchema)
  .mutation(async ({ ctx, input }) => revokeEnrollmentToken({ db: ctx.db, actor: ctx.actor, tokenId: input.tokenId }));
