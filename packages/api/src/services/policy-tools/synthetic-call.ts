import type { TCallKind, TNormalizedCall } from "@egress/policy";

/** The distinct shape of recorded events that the impact preview replays. */
export type TEventTuple = { agent: string; kind: string | null; tool: string | null; destination: string | null };

const KINDS: readonly TCallKind[] = ["shell", "fetch", "search", "mcp", "browser", "websocket", "file", "agent", "other"];

const urlOf = (destination: string): string => `https://${destination.replace(/^\/+/, "")}/`;

/**
 * Rebuilds a normalized call from what an event recorded (kind, tool, destination). Events carry
 * no payload (devices redact it), so a call is only as precise as its destination: a host becomes a
 * request to that host (shell: `curl`), `mcp:<server>[/<owner>]` a connector call on that owner.
 * Returns undefined when the event has nothing to replay (e.g. a DLP block without destination).
 */
export function buildSyntheticCall(tuple: TEventTuple): TNormalizedCall | undefined {
  const tool = tuple.tool ?? "";
  const kind = (KINDS as readonly string[]).includes(tuple.kind ?? "") ? (tuple.kind as TCallKind) : "other";
  const destination = tuple.destination?.trim() ?? "";
  const base = { agent: tuple.agent, event: "PreToolUse", tool, kind, urls: [] as string[], payload: {} as unknown };
  if (kind === "mcp" || destination.startsWith("mcp:")) {
    const mcp = /^mcp:([^/]+)(?:\/(.+))?$/.exec(destination);
    const split = /^mcp__(.+?)__(.+)$/.exec(tool);
    const server = split?.[1] ?? mcp?.[1];
    if (!server) return tool === "" ? undefined : { ...base, kind: "mcp" };
    const name = split?.[2] ?? tool;

    return { ...base, kind: "mcp", server, canonicalTool: `mcp__${server}__${name}`, payload: mcp?.[2] ? { owner: mcp[2] } : {} };
  }
  if (kind === "search") return { ...base, payload: { query: "replayed search" } };
  if (destination === "" || /\s/.test(destination)) return tool === "" ? undefined : base;
  const url = urlOf(destination);
  if (kind === "shell") return { ...base, command: `curl -sS ${url}`, shell: "posix", payload: { command: `curl -sS ${url}` } };

  return { ...base, urls: [url], targetUrls: [url], payload: { url } };
}
