import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TEnvelope } from "@egress/snapshot";

import type { TOrgKeys } from "./signing";

export const CONSOLE_URL = "https://console.example.com";

/** Writes an enrolled state dir in the CLI's on-disk format (what `enroll` + `pull` leave behind) */
export function writeEnrolledState(opts: { home: string; keys: TOrgKeys; scope?: string; server?: string; envelope?: TEnvelope; lastSeen?: { version: number; digest: string } }): void {
  const { home, keys } = opts;
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const config = { server: opts.server ?? CONSOLE_URL, deviceId: "dev_test_1", org: { id: keys.org, slug: "demo", name: "Demo" }, scope: opts.scope ?? "default", consoleUrl: opts.server ?? CONSOLE_URL, name: "test", enrolledAt: new Date().toISOString() };
  writeFileSync(join(home, "config.json"), JSON.stringify(config), { mode: 0o600 });
  writeFileSync(join(home, "credential"), "egd_test_credential_0123456789abcdef\n", { mode: 0o600 });
  writeFileSync(join(home, "root.json"), JSON.stringify({ version: keys.root.version, fingerprint: keys.fingerprint, document: keys.root, envelope: keys.rootEnvelope, pinnedAt: new Date().toISOString() }));
  if (opts.envelope) writeFileSync(join(home, "snapshot.json"), JSON.stringify(opts.envelope));
  if (opts.lastSeen) writeFileSync(join(home, "last-seen.json"), JSON.stringify(opts.lastSeen));
}

/** The digest `verify` reports for an envelope (sha256 of the payload bytes) */
export async function payloadDigest(envelope: TEnvelope): Promise<string> {
  const { createHash } = await import("node:crypto");

  return createHash("sha256").update(Buffer.from(envelope.payload, "base64")).digest("hex");
}
