import { z } from "zod";
import { AppError, APP_ERROR_STATUS, type TApiError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";

/** What every REST handler receives besides the request: the database, route params, the console URL. */
export type TRestContext = { db: PrismaClient; params?: Record<string, string>; consoleUrl?: string };

/** A REST handler: framework-agnostic, a Web `Request` in, a `Response` out. */
export type TRestHandler = (req: Request, ctx: TRestContext) => Promise<Response>;

/** Body size limits, in bytes. */
export const BODY_LIMITS = { small: 16 * 1024, policy: 1024 * 1024, events: 5 * 1024 * 1024 } as const;

const NO_STORE = { "cache-control": "no-store" };

/** A JSON response. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...NO_STORE, ...headers } });
}

/** The `{ error: { code, message, details? } }` body for an error; unknown errors are a bare INTERNAL (never a stack or message). */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const body: TApiError = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };

    return jsonResponse(APP_ERROR_STATUS[error.code], body, error.code === "UNAUTHORIZED" || error.code === "DEVICE_REVOKED" ? { "www-authenticate": "Bearer" } : {});
  }
  if (error instanceof z.ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(body)", message: issue.message }));

    return jsonResponse(400, { error: { code: "BAD_REQUEST", message: `request body is invalid: ${details.map((d) => `${d.path}: ${d.message}`).join("; ")}`.slice(0, 1000), details } });
  }
  // Log the class only: messages of driver errors may carry query parameters
  console.error(`egress rest: unexpected ${error instanceof Error ? error.name : typeof error}`);

  return jsonResponse(500, { error: { code: "INTERNAL", message: "internal error: try again later" } });
}

/** Wraps a handler so every thrown error becomes a JSON error response. */
export function withErrors(handler: TRestHandler): TRestHandler {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads and parses a JSON body of at most `maxBytes` (PAYLOAD_TOO_LARGE beyond, BAD_REQUEST if not JSON), then validates it. */
export async function readJsonBody<T extends z.ZodType>(req: Request, schema: T, maxBytes: number, opts: { allowEmpty?: boolean } = {}): Promise<z.output<T>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `request body is ${declared} bytes: the limit is ${maxBytes}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      // Stop reading at the limit: a chunked body without content-length cannot exhaust memory
      if (size > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `request body exceeds the ${maxBytes} byte limit`);
      chunks.push(chunk);
    }
  }
  let parsed: unknown;
  const text = Buffer.concat(chunks).toString("utf8");
  if (opts.allowEmpty && text.trim() === "") return schema.parse({});
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "request body is not valid json");
  }

  return schema.parse(parsed);
}

/** The bearer token of the `Authorization` header, or null. */
export function getBearer(req: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "");

  return match?.[1] ?? null;
}

/** A required route parameter. */
export function getParam(ctx: TRestContext, name: string): string {
  const value = ctx.params?.[name];
  if (!value) throw new AppError("BAD_REQUEST", `route parameter \`${name}\` is missing`);

  return decodeURIComponent(value);
}
