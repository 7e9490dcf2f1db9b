import { pullSnapshot } from "../services/devices/pull-snapshot";
import { getDeviceReport, requireDevice } from "./device-auth";
import { jsonResponse, withErrors } from "./http";

function getIfNoneMatch(req: Request): string[] {
  return (req.headers.get("if-none-match") ?? "")
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, "").replace(/^"|"$/g, ""))
    .filter(Boolean);
}

/**
 * `GET /api/v1/snapshot` (Bearer device credential) — 200 {@link ZSnapshotResponseSchema} with
 * `ETag: "<digest>"`, or 304 when `If-None-Match` names the current digest. 401 UNAUTHORIZED /
 * DEVICE_REVOKED; 404 NO_SNAPSHOT (nothing published for the device's scope).
 */
export const handleSnapshot = withErrors(async (req, ctx) => {
  const device = await requireDevice(req, ctx);
  const tags = getIfNoneMatch(req);
  const result = await pullSnapshot({ db: ctx.db, device, report: getDeviceReport(req), ifNoneMatch: tags.length > 0 ? (tags.find((t) => /^[0-9a-f]{64}$/.test(t)) ?? tags[0]) : undefined });
  const headers = { etag: `"${result.digest}"`, "cache-control": "private, no-cache" };
  if (result.notModified) return new Response(null, { status: 304, headers });

  return jsonResponse(200, result.body, headers);
});
