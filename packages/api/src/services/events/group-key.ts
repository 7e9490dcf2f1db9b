import type { TDecisionEvent } from "@egress/contracts";

/** What the review queue groups an event by: its destination host, else its MCP connector, else its command, else its tool. */
export function getGroupKey(event: Pick<TDecisionEvent, "destination" | "tool" | "kind" | "excerpt" | "agent">): string {
  if (event.destination) return event.destination.toLowerCase().slice(0, 512);
  const mcp = /^mcp__([^_]+(?:_[^_]+)*?)__/.exec(event.tool ?? "");
  if (mcp?.[1]) return `connector:${mcp[1]}`;
  if (event.kind === "shell" && event.excerpt) return `command:${event.excerpt.trim().split(/\s+/)[0] ?? ""}`.slice(0, 512);

  return `tool:${event.tool ?? event.agent}`.slice(0, 512);
}
