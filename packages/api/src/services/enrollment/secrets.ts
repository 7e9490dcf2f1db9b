import { createHash, randomBytes } from "node:crypto";

/** sha256 hex of a secret: how tokens and credentials are stored and looked up. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A random secret with a recognisable prefix (32 bytes, base64url), its hash, and a display prefix. */
export function createSecret(prefix: string): { secret: string; hash: string; displayPrefix: string } {
  const secret = `${prefix}${randomBytes(32).toString("base64url")}`;

  return { secret, hash: hashSecret(secret), displayPrefix: secret.slice(0, prefix.length + 6) };
}

/** The console URL for commands shown to people: `EGRESS_PUBLIC_URL`, else `NEXTAUTH_URL`, else the request's origin. */
export function getConsoleUrl({ env = process.env, requestUrl }: { env?: NodeJS.ProcessEnv; requestUrl?: string | undefined } = {}): string {
  const configured = env.EGRESS_PUBLIC_URL ?? env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  if (requestUrl) return new URL(requestUrl).origin;

  return "http://localhost:3000";
}
