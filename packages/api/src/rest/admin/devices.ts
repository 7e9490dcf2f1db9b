import { findDevices } from "../../services/devices/find-devices";
import { jsonResponse, withErrors } from "../http";
import { requireApiToken } from "./admin-auth";

const STATUSES = ["active", "revoked", "stale", "all"] as const;

/** `GET /api/v1/admin/devices?scope=&status=active|revoked|stale|all&q=` (devices.read) — 200 `{ devices }`. */
export const handleAdminListDevices = withErrors(async (req, ctx) => {
  const actor = await requireApiToken(req, ctx, "devices.read");
  const url = new URL(req.url);
  const status = url.searchParams.get("status") ?? "all";
  const devices = await findDevices({
    db: ctx.db,
    actor,
    filter: {
      scope: url.searchParams.get("scope") ?? undefined,
      status: (STATUSES as readonly string[]).includes(status) ? (status as (typeof STATUSES)[number]) : "all",
      query: url.searchParams.get("q")?.slice(0, 128) ?? undefined,
    },
  });

  return jsonResponse(200, { devices });
});
