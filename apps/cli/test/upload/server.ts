import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ZCreateAccessRequestSchema, ZDecisionEventSchema } from "@egress/contracts";

export const CREDENTIAL = "egd_test_credential_0123456789";

export type TServerBehaviour = {
  /** Answer this many (1-based) event POSTs with a 500 */
  failRequests?: Set<number>;
  /** Acknowledge only the first N events of each batch */
  partialResults?: number;
  /** Delay every response by this many ms */
  delayMs?: number;
  /** Store the access request, then answer 503 for this many creates (a lost response) */
  dropCreateResponses?: number;
};

/**
 * A stand-in for the console's device API (`/api/v1/events` deduplicating by device + id,
 * `/api/v1/requests` idempotent by clientRequestId) on 127.0.0.1
 */
export class TestConsole {
  readonly events = new Map<string, unknown>();
  readonly batchSizes: number[] = [];
  readonly requests: { id: string; clientRequestId: string; kind: string; target: string; reason: string; status: string; createdAt: string; decidedAt: string | null; decisionNote: string | null; allowUntil: string | null }[] = [];
  eventPosts = 0;
  receivedEvents = 0;
  behaviour: TServerBehaviour = {};
  private server: Server | undefined;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((done) => this.server?.listen(port, "127.0.0.1", done));
    this.port = (this.server.address() as AddressInfo).port;

    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.behaviour.delayMs) await new Promise((done) => setTimeout(done, this.behaviour.delayMs));
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${CREDENTIAL}`) return send(401, { error: { code: "UNAUTHORIZED", message: "bad credential" } });
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
    if (req.url === "/api/v1/events" && req.method === "POST") {
      this.eventPosts++;
      if (this.behaviour.failRequests?.has(this.eventPosts)) return send(500, { error: { code: "INTERNAL", message: "boom" } });
      const events = body.events as unknown[];
      if (!Array.isArray(events) || events.length === 0 || events.length > 500) return send(400, { error: { code: "BAD_REQUEST", message: "1 to 500 events" } });
      this.batchSizes.push(events.length);
      this.receivedEvents += events.length;
      const answered = this.behaviour.partialResults ?? events.length;
      const results = events.slice(0, answered).map((raw, index) => {
        const parsed = ZDecisionEventSchema.safeParse(raw);
        if (!parsed.success || parsed.data.agent === "reject-me") return { index, status: "rejected" as const, message: "invalid event" };
        if (this.events.has(parsed.data.id)) return { index, id: parsed.data.id, status: "duplicate" as const };
        this.events.set(parsed.data.id, parsed.data);

        return { index, id: parsed.data.id, status: "stored" as const };
      });
      const count = (status: string): number => results.filter((r) => r.status === status).length;

      return send(200, { stored: count("stored"), duplicates: count("duplicate"), rejected: count("rejected"), results });
    }
    if (req.url === "/api/v1/requests" && req.method === "POST") {
      const parsed = ZCreateAccessRequestSchema.safeParse(body);
      if (!parsed.success) return send(400, { error: { code: "BAD_REQUEST", message: "invalid request" } });
      let request = this.requests.find((r) => r.clientRequestId === parsed.data.clientRequestId);
      if (!request) {
        request = { id: `req_${this.requests.length + 1}`, ...parsed.data, status: "pending", createdAt: new Date().toISOString(), decidedAt: null, decisionNote: null, allowUntil: null };
        this.requests.push(request);
      }
      if (this.behaviour.dropCreateResponses) {
        this.behaviour.dropCreateResponses--;

        return send(503, { error: { code: "UNAVAILABLE", message: "try again" } });
      }
      const { clientRequestId: _c, ...view } = request;

      return send(201, { request: view });
    }
    if (req.url === "/api/v1/requests" && req.method === "GET") {
      return send(200, { requests: this.requests.map(({ clientRequestId: _c, ...view }) => view) });
    }
    send(404, { error: { code: "NOT_FOUND", message: "no route" } });
  }
}
