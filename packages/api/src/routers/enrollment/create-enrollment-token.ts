import { permissionProcedure } from "../../trpc";
import { createEnrollmentToken } from "../../services/enrollment/create-enrollment-token";
import { getConsoleUrl } from "../../services/enrollment/secrets";
import { ZCreateEnrollmentTokenRequestSchema, ZCreateEnrollmentTokenResponseSchema } from "./create-enrollment-token.types";

/** `enrollment.create`: a one-time `ege_` token (shown once) and the ready `egress-sync enroll` command. */
export const createEnrollmentTokenRoute = permissionProcedure("devices.manage")
  .input(ZCreateEnrollmentTokenRequestSchema)
  .output(ZCreateEnrollmentTokenResponseSchema)
  .mutation(async ({ ctx, input: { consoleUrl, ...input } }) =>
    createEnrollmentToken({ db: ctx.db, actor: ctx.actor, input, consoleUrl: getConsoleUrl({ requestUrl: consoleUrl }) }),
  );
