import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

// INVARIANT: changing this domain tag changes every fingerprint ever stored; bump it only with a migration
const DOMAIN = "egress-dlp-fingerprint:v1";

/**
 * Stable 16-hex-char fingerprint of a secret found by a rule
 *
 * SHA-256 over a domain tag, the rule id and the secret, truncated to 64 bits: the same secret gives
 * the same fingerprint on every machine (so the console can say "same key seen on 12 machines")
 * while the secret itself is never stored. Not a secret-hiding guarantee for low-entropy values such
 * as short passwords, which a dictionary attack on the fingerprint could recover
 */
export function fingerprintSecret(ruleId: string, secret: string): string {
  const digest = sha256(utf8ToBytes(`${DOMAIN}\u0000${ruleId}\u0000${secret}`));

  return bytesToHex(digest).slice(0, 16);
}
