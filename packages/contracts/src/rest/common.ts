import { z } from "zod";

/** REST API version; the CLI sends it and refuses a server that speaks another. */
export const API_VERSION = 1 as const;

/** DSSE-style signed envelope (root documents and snapshots), as carried on the wire. */
export const ZEnvelopeSchema = z
  .object({
    payloadType: z.string().min(1).max(128),
    payload: z.string().min(1),
    signatures: z.array(z.object({ keyid: z.string().min(1).max(128), sig: z.string().min(1).max(256) }).strict()).min(1).max(16),
  })
  .strict();
export type TEnvelopeWire = z.infer<typeof ZEnvelopeSchema>;

/** Headers the device sends with every call. */
export const DEVICE_HEADERS = {
  cliVersion: "x-egress-cli-version",
  agents: "x-egress-agents",
  rootVersion: "x-egress-root-version",
  snapshotVersion: "x-egress-snapshot-version",
} as const;

/** Prefixes of the secrets the console issues (shown to humans, used by DLP-style scanners). */
export const SECRET_PREFIXES = {
  deviceCredential: "egd_",
  enrollmentToken: "ege_",
  apiToken: "egk_",
  invite: "egi_",
} as const;

/** ULID: 26 Crockford base32 characters, sortable by time. */
export const ZUlidSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a ULID");
