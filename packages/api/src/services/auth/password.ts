import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { AppError } from "@egress/contracts";

/** Shortest password the console accepts. */
export const PASSWORD_MIN_LENGTH = 12;
/** Longest password (argon2 input is bounded to keep hashing cheap for an attacker-chosen input). */
export const PASSWORD_MAX_LENGTH = 256;

/** Throws BAD_REQUEST when `password` breaks the password policy. */
export function assertPasswordPolicy(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new AppError("BAD_REQUEST", `password too short: use at least ${PASSWORD_MIN_LENGTH} characters`, [
      { path: "password", message: `at least ${PASSWORD_MIN_LENGTH} characters` },
    ]);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new AppError("BAD_REQUEST", `password too long: use at most ${PASSWORD_MAX_LENGTH} characters`, [
      { path: "password", message: `at most ${PASSWORD_MAX_LENGTH} characters` },
    ]);
  }
}

/** Argon2id hash of a password that satisfies the policy (throws BAD_REQUEST otherwise). */
export async function hashPassword(password: string): Promise<string> {
  assertPasswordPolicy(password);

  return hash(password);
}

/** Whether `password` matches `passwordHash`; a malformed hash is a mismatch, never an exception. */
export async function verifyPasswordHash({ passwordHash, password }: { passwordHash: string; password: string }): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A strong random password for the operator's terminal (24 base64url characters, 144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/** Canonical form of an e-mail address: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
