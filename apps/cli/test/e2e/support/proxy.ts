import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A man-in-the-middle between the CLI and the real console on 127.0.0.1: forwards everything
// unchanged until a test installs `tamper`, which then decides what GET /api/v1/snapshot answers.

export type TUpstreamReply = { status: number; headers: Record<string, string>; body: Buffer };

export type TProxy = {
  url: string;
  /** Every request: path, what the console answered, what the CLI got */
  log: { method: string; path: string; upstreamStatus: number | null; servedStatus: number }[];
  /**
   * Rewrites the snapshot answer. It receives the console's answer to the same request WITHOUT
   * If-None-Match (always a full 200 to work from) and returns what the CLI gets.
   */
  tamper: ((upstream: TUpstreamReply) => TUpstreamReply | Promise<TUpstreamReply>) | undefined;
  close: () => Promise<void>;
};

const FORWARDED_RESPONSE_HEADERS = ["content-type", "etag", "cache-control", "www-authenticate"];

export async function startProxy(upstream: string): Promise<TProxy> {
  const proxy: TProxy = { url: "", log: [], tamper: undefined, close: async () => undefined };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url ?? "/";
    const isSnapshot = req.method === "GET" && path.startsWith("/api/v1/snapshot");
    const tamper = isSnapshot ? proxy.tamper : undefined;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value !== "string" || ["host", "connection", "content-length", "accept-encoding"].includes(name)) continue;
      if (tamper && name === "if-none-match") continue;
      headers[name] = value;
    }
    let reply: TUpstreamReply;
    let upstreamStatus: number | null = null;
    try {
      const response = await fetch(`${upstream}${path}`, { method: req.method, headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) });
      upstreamStatus = response.status;
      const kept: Record<string, string> = {};
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = response.headers.get(name);
        if (value !== null) kept[name] = value;
      }
      reply = { status: response.status, headers: kept, body: Buffer.from(await response.arrayBuffer()) };
    } catch {
      reply = { status: 502, headers: { "content-type": "application/json" }, body: Buffer.from('{"error":{"code":"INTERNAL","message":"bad gateway"}}') };
    }
    if (tamper) reply = await tamper(reply);
    proxy.log.push({ method: req.method ?? "", path, upstreamStatus, servedStatus: reply.status });
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });

  return proxy;
}

/** The JSON body of a snapshot reply */
export type TSnapshotBody = { snapshot: { payloadType: string; payload: string; signatures: { keyid: string; sig: string }[] }; roots: unknown[]; version: number; issuedAt: string; expiresAt: string };

export function jsonReply(body: unknown, status = 200): TUpstreamReply {
  return { status, headers: { "content-type": "application/json" }, body: Buffer.from(JSON.stringify(body)) };
}
