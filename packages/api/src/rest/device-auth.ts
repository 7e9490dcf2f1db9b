import { DEVICE_HEADERS } from "@egress/contracts";
import { authenticateDevice } from "../services/devices/authenticate-device";
import type { TDeviceReport } from "../services/devices/pull-snapshot";
import { getBearer, type TRestContext } from "./http";

/** Authenticates the device of a request (UNAUTHORIZED / DEVICE_REVOKED). */
export async function requireDevice(req: Request, ctx: TRestContext) {
  return authenticateDevice({ db: ctx.db, bearer: getBearer(req) });
}

const toInt = (value: string | null): number | undefined => (value && /^\d{1,9}$/.test(value) ? Number(value) : undefined);

/** What the device reports in its `x-egress-*` headers (malformed values are ignored, lengths capped). */
export function getDeviceReport(req: Request): TDeviceReport {
  const agents = req.headers.get(DEVICE_HEADERS.agents);

  return {
    cliVersion: req.headers.get(DEVICE_HEADERS.cliVersion)?.slice(0, 64) ?? undefined,
    agents: agents === null ? undefined : agents.split(",").map((a) => a.trim().slice(0, 64)).filter(Boolean).slice(0, 32),
    snapshotVersion: toInt(req.headers.get(DEVICE_HEADERS.snapshotVersion)),
    rootVersion: toInt(req.headers.get(DEVICE_HEADERS.rootVersion)),
  };
}
