import { ZCreateEnrollmentTokenRequestSchema } from "@egress/contracts";
import { createEnrollmentToken } from "../../services/enrollment/create-enrollment-token";
import { getConsoleUrl } from "../../services/enrollment/secrets";
import { BODY_LIMITS, jsonResponse, readJsonBody, withErrors } from "../http";
import { requireApiToken } from "./admin-auth";

/** `POST /api/v1/admin/enrollment-tokens` (devices.manage) — 201 {@link ZCreateEnrollmentTokenResponseSchema}: the token once, and the enroll command. */
export const handleAdminCreateEnrollmentToken = withErrors(async (req, ctx) => {
  const actor = await requireApiToken(req, ctx, "devices.manage");
  const input = await readJsonBody(req, ZCreateEnrollmentTokenRequestSchema, BODY_LIMITS.small);
  const consoleUrl = ctx.consoleUrl ?? getConsoleUrl({ requestUrl: req.url });

  return jsonResponse(201, await createEnrollmentToken({ db: ctx.db, actor, input, consoleUrl }));
});
