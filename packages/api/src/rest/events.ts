import { ZEventBatchRequestSchema } from "@egress/contracts";
import { ingestEvents } from "../services/events/ingest-events";
import { requireDevice } from "./device-auth";
import { BODY_LIMITS, jsonResponse, readJsonBody, withErrors } from "./http";

/**
 * `POST /api/v1/events` (Bearer device) — body `{ events: [...] }` (1–500); 200
 * {@link ZEventBatchResponseSchema} with a status per event (stored / duplicate / rejected). 400 bad
 * batch shape; 413 beyond 5 MiB; 401 UNAUTHORIZED / DEVICE_REVOKED.
 */
export const handleEvents = withErrors(async (req, ctx) => {
  const device = await requireDevice(req, ctx);
  const { events } = await readJsonBody(req, ZEventBatchRequestSchema, BODY_LIMITS.events);

  return jsonResponse(200, await ingestEvents({ db: ctx.db, device, events }));
});
