import { API_VERSION, DEVICE_HEADERS, ZApiErrorSchema } from "@egress/contracts";
import type { z } from "zod";

import { CLI_VERSION, EXIT_CODES, ExitError } from "../common";

/** Default time budget of one request, connection to last byte */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Largest response body accepted (a 4 MiB snapshot is ~5.6 MB as base64 inside JSON) */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * Validates a console URL: https, or http on a loopback host only (credentials and policy must
 * never cross a network in clear text). Returns the origin, without a trailing slash
 */
export function normalizeServerUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ExitError({ exitCode: EXIT_CODES.USAGE, code: "invalid_server_url", message: `server \`${raw}\` is not a valid url: expected e.g. \`https://egress.example.com\`` });
  }
  if (url.username || url.password) {
    throw new ExitError({ exitCode: EXIT_CODES.USAGE, code: "invalid_server_url", message: "server url must not contain a user name or password" });
  }
  const isLoopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback)) {
    throw new ExitError({
      exitCode: EXIT_CODES.INSECURE_SERVER,
      code: "insecure_server",
      message: `refusing \`${url.protocol}//${url.host}\`: the device credential and policy must travel over https (plain http is allowed only to localhost)`,
    });
  }
  const path = url.pathname.replace(/\/+$/, "");

  return `${url.protocol}//${url.host}${path}`;
}

/** One device API call */
export type TApiCall<TSchema extends z.ZodType> = {
  server: string;
  /** Path under `/api/v1`, e.g. `/snapshot` */
  path: string;
  method?: "GET" | "POST" | "PUT" | "DELETE";
  credential?: string;
  body?: unknown;
  headers?: Record<string, string>;
  schema: TSchema;
  timeoutMs?: number;
  maxBytes?: number;
};

/** A parsed response, or `notModified` for a 304 */
export type TApiResponse<T> = { status: 304; notModified: true; headers: Headers } | { status: number; notModified: false; data: T; headers: Headers };

async function readBodyCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw oversize(maxBytes);
  if (!response.body) return "";
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw oversize(maxBytes);
    }
    chunks.push(value);
  }

  return Buffer.concat(chunks).toString("utf8");
}

function oversize(maxBytes: number): ExitError {
  return new ExitError({ exitCode: EXIT_CODES.SNAPSHOT_OVERSIZE, code: "response_oversize", message: `the server response is larger than \`${maxBytes}\` bytes: refusing it` });
}

function networkError(opts: { server: string; error: unknown; timeoutMs: number }): ExitError {
  const { error } = opts;
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new ExitError({ exitCode: EXIT_CODES.NETWORK, code: "network_timeout", message: `the console \`${opts.server}\` did not answer within \`${opts.timeoutMs}\` ms: check your network and retry` });
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const detail = (cause as NodeJS.ErrnoException | undefined)?.code ?? (cause instanceof Error ? cause.message : String(cause));

  return new ExitError({ exitCode: EXIT_CODES.NETWORK, code: "network_error", message: `cannot reach the console \`${opts.server}\` (${detail}): check the url and your network, then retry` });
}

function errorFromResponse(opts: { status: number; text: string }): ExitError {
  const { status, text } = opts;
  let parsed: z.infer<typeof ZApiErrorSchema> | undefined;
  try {
    const result = ZApiErrorSchema.safeParse(JSON.parse(text));
    if (result.success) parsed = result.data;
  } catch {
    // Not JSON: report the status alone
  }
  const code = parsed?.error.code;
  const said = parsed ? `: ${parsed.error.message}` : "";
  if (code === "DEVICE_REVOKED") {
    return new ExitError({ exitCode: EXIT_CODES.DEVICE_REVOKED, code: "device_revoked", message: `this device was revoked by your security team${said}: ask them, then enroll again with a new token` });
  }
  if (code === "NO_SNAPSHOT") {
    return new ExitError({ exitCode: EXIT_CODES.NO_SNAPSHOT, code: "no_snapshot", message: `no policy has been published for this device's scope yet${said}: ask your security team to publish one, then run \`egress-sync pull\`` });
  }
  if (status === 401 || status === 403) {
    return new ExitError({ exitCode: EXIT_CODES.UNAUTHORIZED, code: (code ?? "unauthorized").toLowerCase(), message: `the console refused the credentials (http ${status}${code ? ` ${code}` : ""})${said}` });
  }
  if (status >= 500) {
    return new ExitError({ exitCode: EXIT_CODES.SERVER_ERROR, code: "server_error", message: `the console failed (http ${status})${said}: retry later or tell your security team` });
  }

  return new ExitError({ exitCode: EXIT_CODES.PROTOCOL, code: (code ?? "http_error").toLowerCase(), message: `the console rejected the request (http ${status}${code ? ` ${code}` : ""})${said}` });
}

/**
 * Calls the console's device API (`<server>/api/v1<path>`): bearer credential, version headers,
 * timeout, capped body, zod-parsed response. Every failure is an {@link ExitError} with its own exit code
 */
export async function callApi<TSchema extends z.ZodType>(call: TApiCall<TSchema>): Promise<TApiResponse<z.infer<TSchema>>> {
  const timeoutMs = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = { accept: "application/json", [DEVICE_HEADERS.cliVersion]: CLI_VERSION, "x-egress-api-version": String(API_VERSION), ...call.headers };
  if (call.credential) headers.authorization = `Bearer ${call.credential}`;
  if (call.body !== undefined) headers["content-type"] = "application/json";
  const url = `${call.server}/api/v1${call.path}`;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: call.method ?? "GET", headers, body: call.body === undefined ? undefined : JSON.stringify(call.body), signal, redirect: "error" });
    if (response.status === 304) return { status: 304, notModified: true, headers: response.headers };
    text = await readBodyCapped(response, call.maxBytes ?? MAX_RESPONSE_BYTES);
  } catch (error) {
    if (error instanceof ExitError) throw error;
    throw networkError({ server: call.server, error, timeoutMs });
  }
  if (!response.ok) throw errorFromResponse({ status: response.status, text });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ExitError({ exitCode: EXIT_CODES.PROTOCOL, code: "invalid_response", message: `the console answered \`${call.path}\` with something that is not json: check the server url` });
  }
  const parsed = call.schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? ` at \`${first.path.join(".") || "(root)"}\`: ${first.message.toLowerCase()}` : "";
    throw new ExitError({ exitCode: EXIT_CODES.PROTOCOL, code: "invalid_response", message: `the console's answer to \`${call.path}\` does not match the expected format${where}` });
  }

  return { status: response.status, notModified: false, data: parsed.data, headers: response.headers };
}
