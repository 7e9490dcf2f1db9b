import { decodeEnvelope } from "@egress/snapshot/verify";

import { EXIT_CODES, ExitError, SNAPSHOT_EXIT_CODES } from "../common";
import { readTextFile } from "./files";
import type { TStatePaths } from "./paths";
import type { TVerifiedCache } from "./verified";

/** Exit code of a cache failure code (same codes as `pull`) */
export function cacheExitCode(code: string): number {
  if (code === "not_enrolled") return EXIT_CODES.NOT_ENROLLED;
  if (code === "no_snapshot") return EXIT_CODES.NO_SNAPSHOT;
  if (code === "state_corrupt") return EXIT_CODES.STATE_CORRUPT;

  return SNAPSHOT_EXIT_CODES[code] ?? EXIT_CODES.SNAPSHOT_MALFORMED;
}

/** Throws the {@link ExitError} of a failed cache verification */
export function throwCacheFailure(cache: Extract<TVerifiedCache, { ok: false }>): never {
  throw new ExitError({ exitCode: cacheExitCode(cache.code), code: cache.code, message: cache.message });
}

/** Unverified header fields of the cached snapshot, for display only (e.g. when it is expired) */
export function peekSnapshot(paths: TStatePaths): { version?: number; revision?: string; issuedAt?: string; expiresAt?: string } | undefined {
  const text = readTextFile(paths.snapshot);
  if (text.kind !== "ok") return undefined;
  const decoded = decodeEnvelope(text.text);
  if (!decoded.ok) return undefined;
  try {
    const document = JSON.parse(Buffer.from(decoded.value.payload, "base64").toString("utf8")) as Record<string, unknown>;
    const pick = (key: string): string | undefined => (typeof document[key] === "string" ? document[key] : undefined);

    return { version: typeof document.version === "number" ? document.version : undefined, revision: pick("revision"), issuedAt: pick("issuedAt"), expiresAt: pick("expiresAt") };
  } catch {
    return undefined;
  }
}
