import { z } from "zod";

/** Error codes shared by tRPC (`appError.code`) and the REST API (`error.code`). */
export const APP_ERROR_CODES = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "PAYLOAD_TOO_LARGE",
  "DEVICE_REVOKED",
  "TOKEN_EXPIRED",
  "TOKEN_EXHAUSTED",
  "NO_SNAPSHOT",
  "POLICY_INVALID",
  "POLICY_TESTS_FAILED",
  "LAST_OWNER",
  "INTERNAL",
] as const;
export type TAppErrorCode = (typeof APP_ERROR_CODES)[number];

/** The JSON body of every REST error: one code, one human message, optional details (validation paths). */
export const ZApiErrorSchema = z.object({
  error: z.object({
    code: z.enum(APP_ERROR_CODES),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type TApiError = z.infer<typeof ZApiErrorSchema>;

/** An error that services throw and transports (tRPC, REST) translate; the message is safe to show. */
export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly details: { path: string; message: string }[] | undefined;

  constructor(code: TAppErrorCode, message: string, details?: { path: string; message: string }[]) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

/** HTTP status for each code. */
export const APP_ERROR_STATUS: Readonly<Record<TAppErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  DEVICE_REVOKED: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_EXHAUSTED: 401,
  NO_SNAPSHOT: 404,
  POLICY_INVALID: 422,
  POLICY_TESTS_FAILED: 422,
  LAST_OWNER: 409,
  INTERNAL: 500,
};
