import { ZCreateAccessRequestSchema } from "@egress/contracts";
import { createAccessRequest } from "../services/requests/create-access-request";
import { findAccessRequests } from "../services/requests/find-access-requests";
import { toRequestView } from "../services/requests/to-request-view";
import { requireDevice } from "./device-auth";
import { BODY_LIMITS, jsonResponse, readJsonBody, withErrors } from "./http";

/**
 * `POST /api/v1/requests` (Bearer device) — body {@link ZCreateAccessRequestSchema}; 201 with the
 * new request, or 200 with the one already filed under the same `clientRequestId` (idempotent).
 */
export const handleCreateRequest = withErrors(async (req, ctx) => {
  const device = await requireDevice(req, ctx);
  const input = await readJsonBody(req, ZCreateAccessRequestSchema, BODY_LIMITS.small);
  const { request, isNew } = await createAccessRequest({ db: ctx.db, device, input });

  return jsonResponse(isNew ? 201 : 200, { request: toRequestView(request) });
});

/** `GET /api/v1/requests` (Bearer device) — 200 `{ requests }`: this device's requests, newest first, with status. */
export const handleListRequests = withErrors(async (req, ctx) => {
  const device = await requireDevice(req, ctx);
  const { requests } = await findAccessRequests({ db: ctx.db, orgId: device.orgId, filter: { deviceId: device.id }, limit: 100 });

  return jsonResponse(200, { requests: requests.map(toRequestView) });
});
