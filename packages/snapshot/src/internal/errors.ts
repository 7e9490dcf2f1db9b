/** Codes of {@link SnapshotSigningError} (server side) */
export const SIGNING_ERROR_CODES = ["invalid_document", "invalid_key", "oversize", "invalid_kek", "wrong_kek", "decryption_failed"] as const;

/** One of {@link SIGNING_ERROR_CODES} */
export type TSigningErrorCode = (typeof SIGNING_ERROR_CODES)[number];

/** Thrown by the server-side signing and key-encryption functions; `code` is stable, `message` is for humans */
export class SnapshotSigningError extends Error {
  readonly code: TSigningErrorCode;

  constructor(code: TSigningErrorCode, message: string) {
    super(message);
    this.name = "SnapshotSigningError";
    this.code = code;
  }
}
