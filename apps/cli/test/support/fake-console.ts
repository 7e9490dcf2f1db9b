import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TEnvelope } from "@egress/snapshot";

import type { TOrgKeys } from "./signing";

/** What one snapshot request gets: a status, headers and a raw body (so hostile servers can send anything) */
export type TFakeReply = { status: number; headers?: Record<string, string>; body?: string };

export type TSeenRequest = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };

/** A console double on 127.0.0.1: real HTTP, handlers replaceable per test */
export type TFakeConsole = {
  url: string;
  requests: TSeenRequest[];
  /** Answers GET /api/v1/snapshot */
  onSnapshot: (request: TSeenRequest) => TFakeReply;
  /** Answers POST /api/v1/enroll */
  onEnroll: (request: TSeenRequest) => TFakeReply;
  close: () => Promise<void>;
};

/** The JSON body of a snapshot response */
export function snapshotBody(opts: { envelope: TEnvelope; roots?: TEnvelope[]; version: number; issuedAt?: string; expiresAt?: string }): string {
  return JSON.stringify({ snapshot: opts.envelope, roots: opts.roots ?? [], version: opts.version, issuedAt: opts.issuedAt ?? new Date().toISOString(), expiresAt: opts.expiresAt ?? new Date(Date.now() + 86_400_000).toISOString() });
}

/** A standard enroll reply for `keys` */
export function enrollReply(keys: TOrgKeys, opts: { consoleUrl: string; scope?: string; credential?: string }): TFakeReply {
  return {
    status: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      deviceId: "dev_test_1",
      credential: opts.credential ?? "egd_test_credential_0123456789abcdef",
      org: { id: keys.org, slug: "demo", name: "Demo" },
      scope: opts.scope ?? "default",
      root: keys.rootEnvelope,
      rootVersion: keys.root.version,
      rootFingerprint: keys.fingerprint,
      server: { apiVersion: 1, consoleUrl: opts.consoleUrl },
    }),
  };
}

/** Starts the double on a free port */
export async function startFakeConsole(): Promise<TFakeConsole> {
  const state: TFakeConsole = {
    url: "",
    requests: [],
    onSnapshot: () => ({ status: 404, body: JSON.stringify({ error: { code: "NO_SNAPSHOT", message: "nothing published" } }) }),
    onEnroll: () => ({ status: 401, body: JSON.stringify({ error: { code: "UNAUTHORIZED", message: "bad token" } }) }),
    close: async () => undefined,
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const seen: TSeenRequest = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      state.requests.push(seen);
      let reply: TFakeReply;
      if (seen.method === "POST" && seen.url === "/api/v1/enroll") reply = state.onEnroll(seen);
      else if (seen.method === "GET" && seen.url.startsWith("/api/v1/snapshot")) reply = state.onSnapshot(seen);
      else reply = { status: 404, body: JSON.stringify({ error: { code: "NOT_FOUND", message: "no route" } }) };
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(reply.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  return state;
}
