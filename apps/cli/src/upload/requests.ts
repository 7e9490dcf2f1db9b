import { createHash, randomUUID } from "node:crypto";
import { join } from "node:path";
import { ZAccessRequestListResponseSchema, ZAccessRequestResponseSchema } from "@egress/contracts";
import type { TAccessRequestView, TCreateAccessRequest } from "@egress/contracts";

import { callApi } from "../api/client";
import { EXIT_CODES, ExitError } from "../common";
import { parseJsonObject, readTextFile, writeFileAtomic } from "../state/files";
import { statePaths } from "../state/paths";
import { loadConfig, loadCredential } from "../state/store";

/** Retries of one request on network or server errors (same clientRequestId, so the console stores it once) */
const ATTEMPTS = 3;

/** Turns `host`, `https://host/path`, `mcp:<connector>` or `cmd:<command>` into a request kind and target */
export function parseRequestTarget(raw: string): Pick<TCreateAccessRequest, "kind" | "target"> {
  const value = raw.trim();
  const fail = (why: string): ExitError => new ExitError({ exitCode: EXIT_CODES.USAGE, code: "invalid_target", message: `cannot request \`${raw}\`: ${why}` });
  if (value.startsWith("mcp:")) {
    const target = value.slice(4).trim();
    if (!target) throw fail("expected `mcp:<connector>`");

    return { kind: "connector", target };
  }
  if (value.startsWith("cmd:")) {
    const target = value.slice(4).trim();
    if (!target) throw fail("expected `cmd:<command>`");

    return { kind: "command", target };
  }
  let host = value;
  if (value.includes("://")) {
    try {
      host = new URL(value).host;
    } catch {
      throw fail("not a valid url");
    }
  }
  host = host.toLowerCase().replace(/\.$/, "");
  if (!/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/.test(host)) throw fail("expected a host such as `api.example.com`, `mcp:<connector>` or `cmd:<command>`");

  return { kind: "host", target: host };
}

function device(stateDir: string): { server: string; credential: string } {
  const paths = statePaths(stateDir);
  const config = loadConfig(paths);
  const credential = loadCredential(paths);
  if (config.kind !== "ok" || credential.kind !== "ok") {
    throw new ExitError({ exitCode: EXIT_CODES.NOT_ENROLLED, code: "not_enrolled", message: "this device is not enrolled: enroll with `egress-sync enroll` first" });
  }

  return { server: config.value.server, credential: credential.value };
}

// A request that failed to reach the console keeps its clientRequestId in `pending-requests.json`,
// so running the same command again files it once, not twice.
function pendingFile(stateDir: string): string {
  return join(stateDir, "pending-requests.json");
}

function pendingKey(body: Omit<TCreateAccessRequest, "clientRequestId">): string {
  return createHash("sha256").update(`${body.kind}\0${body.target}\0${body.reason}`).digest("hex");
}

function readPending(stateDir: string): Record<string, string> {
  const read = parseJsonObject(readTextFile(pendingFile(stateDir)));
  if (read.kind !== "ok") return {};

  return Object.fromEntries(Object.entries(read.value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function writePending(opts: { stateDir: string; pending: Record<string, string> }): void {
  writeFileAtomic({ file: pendingFile(opts.stateDir), data: `${JSON.stringify(opts.pending, null, 2)}\n` });
}

/** Files an access request; retried with the same clientRequestId */
export async function createAccessRequest(opts: { stateDir: string; target: string; reason: string }): Promise<TAccessRequestView> {
  const reason = opts.reason.trim();
  if (!reason) throw new ExitError({ exitCode: EXIT_CODES.USAGE, code: "missing_reason", message: "`--reason` must say why you need access" });
  if (reason.length > 2000) throw new ExitError({ exitCode: EXIT_CODES.USAGE, code: "reason_too_long", message: "`--reason` is longer than 2000 characters" });
  const { server, credential } = device(opts.stateDir);
  const partial = { ...parseRequestTarget(opts.target), reason };
  const key = pendingKey(partial);
  const pending = readPending(opts.stateDir);
  const clientRequestId = pending[key] ?? randomUUID();
  writePending({ stateDir: opts.stateDir, pending: { ...pending, [key]: clientRequestId } });
  for (let attempt = 1; ; attempt++) {
    try {
      const body: TCreateAccessRequest = { ...partial, clientRequestId };
      const response = await callApi({ server, path: "/requests", method: "POST", credential, body, schema: ZAccessRequestResponseSchema });
      if (response.notModified) throw new ExitError({ exitCode: EXIT_CODES.PROTOCOL, code: "invalid_response", message: "the console answered `/requests` with 304" });
      const rest = readPending(opts.stateDir);
      delete rest[key];
      writePending({ stateDir: opts.stateDir, pending: rest });

      return response.data.request;
    } catch (error) {
      const retryable = error instanceof ExitError && (error.exitCode === EXIT_CODES.NETWORK || error.exitCode === EXIT_CODES.SERVER_ERROR);
      if (!retryable || attempt >= ATTEMPTS) throw error;
      await new Promise((done) => setTimeout(done, 250 * 2 ** attempt));
    }
  }
}

/** This device's access requests */
export async function listAccessRequests(opts: { stateDir: string }): Promise<TAccessRequestView[]> {
  const { server, credential } = device(opts.stateDir);
  const response = await callApi({ server, path: "/requests", credential, schema: ZAccessRequestListResponseSchema });
  if (response.notModified) return [];

  return response.data.requests;
}
