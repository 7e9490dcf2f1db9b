import { createHash, randomBytes } from "node:crypto";

/** A freshly generated secret: shown once, stored only as its hash. */
export type TSecretToken = { token: string; tokenHash: string; displayPrefix: string };

/** SHA-256 of a secret, hex; what the database stores instead of the secret. */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Generates a random secret `<prefix><43 base64url chars>` (256 bits) with its hash and a short display prefix. */
export function createSecretToken(prefix: string): TSecretToken {
  const token = `${prefix}${randomBytes(32).toString("base64url")}`;

  return { token, tokenHash: hashSecretToken(token), displayPrefix: token.slice(0, prefix.length + 6) };
}

