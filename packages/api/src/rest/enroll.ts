import { ZEnrollRequestSchema } from "@egress/contracts";
import { enrollDevice } from "../services/enrollment/enroll-device";
import { getConsoleUrl } from "../services/enrollment/secrets";
import { BODY_LIMITS, jsonResponse, readJsonBody, withErrors } from "./http";

/**
 * `POST /api/v1/enroll` — body {@link ZEnrollRequestSchema}; 201 with the device credential (once),
 * the org root to pin and its fingerprint. 401 UNAUTHORIZED (unknown or revoked token),
 * TOKEN_EXPIRED, TOKEN_EXHAUSTED; 400 bad body; 413 too large.
 */
export const handleEnroll = withErrors(async (req, ctx) => {
  const input = await readJsonBody(req, ZEnrollRequestSchema, BODY_LIMITS.small);
  const body = await enrollDevice({ db: ctx.db, input, consoleUrl: ctx.consoleUrl ?? getConsoleUrl({ requestUrl: req.url }) });

  return jsonResponse(201, body);
});
