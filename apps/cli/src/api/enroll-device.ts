import { hostname, platform } from "node:os";
import { unlinkSync } from "node:fs";
import { ZEnrollResponseSchema } from "@egress/contracts";
import { rootFingerprint, verifyRootDocument } from "@egress/snapshot/verify";

import { CLI_VERSION, EXIT_CODES, ExitError, SNAPSHOT_EXIT_CODES } from "../common";
import { ensurePrivateDir } from "../state/files";
import type { TStatePaths } from "../state/paths";
import { loadConfig, saveConfig, saveCredential, saveRoot } from "../state/store";
import type { TDeviceConfig } from "../state/store";
import { callApi, normalizeServerUrl } from "./client";

/** What enrollment established */
export type TEnrollResult = { config: TDeviceConfig; rootVersion: number; fingerprint: string };

function clearPreviousEnrollment(paths: TStatePaths): void {
  for (const file of [paths.snapshot, paths.lastSeen, paths.status, paths.root, paths.credential, paths.config]) {
    try {
      unlinkSync(file);
    } catch {
      // Not there
    }
  }
}

/**
 * Enrolls this device: POST /enroll with the one-time token, verifies the org's root document
 * (self-signed, matching the fingerprint the console announced), then pins it and stores the
 * config and the credential (0600, in a 0700 directory)
 */
export async function enrollDevice(opts: { paths: TStatePaths; server: string; token: string; name?: string; force?: boolean; agents: string[]; now: Date }): Promise<TEnrollResult> {
  const { paths } = opts;
  const server = normalizeServerUrl(opts.server);
  const existing = loadConfig(paths);
  if (existing.kind === "ok" && !opts.force) {
    throw new ExitError({
      exitCode: EXIT_CODES.USAGE,
      code: "already_enrolled",
      message: `this device is already enrolled as \`${existing.value.deviceId}\` in org \`${existing.value.org.slug}\` on \`${existing.value.server}\`: pass --force to enroll again`,
    });
  }
  const name = opts.name ?? hostname();
  const body = { token: opts.token, name, hostname: hostname(), platform: platform(), cliVersion: CLI_VERSION, agents: opts.agents };
  const response = await callApi({ server, path: "/enroll", method: "POST", body, schema: ZEnrollResponseSchema });
  if (response.notModified) throw new ExitError({ exitCode: EXIT_CODES.PROTOCOL, code: "invalid_response", message: "the console answered enrollment with 304 not modified: check the server url" });
  const { data } = response;
  const root = verifyRootDocument({ envelope: data.root });
  if (!root.ok) {
    throw new ExitError({ exitCode: SNAPSHOT_EXIT_CODES[root.code] ?? EXIT_CODES.SNAPSHOT_MALFORMED, code: root.code, message: `refused the organization's root document: ${root.message}: nothing was stored` });
  }
  const fingerprint = rootFingerprint(root.value);
  if (root.value.org !== data.org.id) {
    throw new ExitError({ exitCode: EXIT_CODES.SNAPSHOT_WRONG_ORG, code: "wrong_org", message: `refused the root document: it is for org \`${root.value.org}\` but the console enrolled this device in \`${data.org.id}\`: nothing was stored` });
  }
  if (data.rootFingerprint !== fingerprint) {
    throw new ExitError({ exitCode: EXIT_CODES.SNAPSHOT_BAD_SIGNATURE, code: "fingerprint_mismatch", message: `refused the root document: the console announced fingerprint \`${data.rootFingerprint}\` but the document has \`${fingerprint}\`: nothing was stored` });
  }
  ensurePrivateDir(paths.dir);
  clearPreviousEnrollment(paths);
  const config: TDeviceConfig = { server, deviceId: data.deviceId, org: data.org, scope: data.scope, consoleUrl: data.server.consoleUrl, name, enrolledAt: opts.now.toISOString() };
  saveCredential({ paths, credential: data.credential });
  saveRoot({ paths, root: { version: root.value.version, fingerprint, document: root.value, envelope: data.root, pinnedAt: opts.now.toISOString() } });
  // Written last: its presence means "enrolled"
  saveConfig({ paths, config });

  return { config, rootVersion: root.value.version, fingerprint };
}
