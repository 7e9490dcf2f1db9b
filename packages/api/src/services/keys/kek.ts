import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot, isServerUrl } from "@egress/db";
import { parseKek } from "@egress/snapshot/sign";

const g = globalThis as unknown as { __egressKekWarned?: Set<string> };

/** Where the embedded default KEK lives: beside the PGlite data directory (`<dir of PGLITE_DIR>/kek`), else `<repo>/.data/kek`. */
export function getKekFilePath(env: NodeJS.ProcessEnv = process.env): string {
  const pgliteDir = env.PGLITE_DIR;
  if (pgliteDir && !pgliteDir.includes("://")) return path.join(path.dirname(path.resolve(pgliteDir)), "kek");

  return path.join(findRepoRoot() ?? process.cwd(), ".data", "kek");
}

function readOrCreateKekFile(file: string): Buffer {
  try {
    return parseKek(readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // `wx`: two processes starting at once never overwrite each other's key
    writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { flag: "wx", mode: 0o600 });
    chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }

  return parseKek(readFileSync(file, "utf8"));
}

/**
 * The key-encryption key that protects the org signing keys at rest.
 *
 * - `EGRESS_KEK` set: parsed (32 bytes as base64 or 64 hex digits); a bad value throws without echoing it.
 * - PostgreSQL (`DATABASE_URL` is a postgres URL, `DB_DRIVER` not `pglite`) without `EGRESS_KEK`: throws.
 *   Several console instances share that database, and a key generated on one would leave the
 *   others unable to sign, so it must be configured explicitly.
 * - Embedded PGlite without `EGRESS_KEK`: a key generated once into the data directory (mode 0600),
 *   with a warning logged once per process to set `EGRESS_KEK` in production.
 */
export function getKek(opts: { env?: NodeJS.ProcessEnv; log?: (msg: string) => void } = {}): Buffer {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((msg: string) => console.warn(msg));
  const configured = env.EGRESS_KEK?.trim();
  if (configured) return parseKek(configured);
  if (env.DB_DRIVER !== "pglite" && isServerUrl(env.DATABASE_URL)) {
    throw new Error(
      "`EGRESS_KEK` is required with PostgreSQL (`DATABASE_URL`): set the same 32-byte key on every console instance, e.g. the output of `openssl rand -base64 32`",
    );
  }
  const file = getKekFilePath(env);
  const kek = readOrCreateKekFile(file);
  g.__egressKekWarned ??= new Set();
  if (!g.__egressKekWarned.has(file)) {
    g.__egressKekWarned.add(file);
    log(`WARNING: signing keys are encrypted with a key-encryption key generated into \`${file}\`; set \`EGRESS_KEK\` (32 random bytes, base64) in production and keep it out of the data directory's backups`);
  }

  return kek;
}
