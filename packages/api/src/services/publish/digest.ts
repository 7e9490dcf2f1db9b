import { createHash } from "node:crypto";

/** Hex sha256 of an envelope's payload bytes: the snapshot digest devices compute, and the ETag. */
export function getEnvelopeDigest(envelope: { payload: string }): string {
  return createHash("sha256").update(Buffer.from(envelope.payload, "base64")).digest("hex");
}
