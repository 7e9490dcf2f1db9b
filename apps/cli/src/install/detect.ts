import { AGENT_IDS, AGENTS, SCOPES } from "./agents";
import type { TAgentId, TLocateContext, TScope } from "./agents";
import { locateContext } from "./context";
import { readConfigFile } from "./install";
import { parseConfig } from "./jsonc-edit";
import { commandPaths, handlersOf, ourHandlerRole } from "./ownership";
import { findNodeAtLocation, getNodeValue } from "jsonc-parser";

export type TInstalledAgent = {
  agent: TAgentId;
  scope: TScope;
  file: string;
  /** true/false for agents with a fail-closed knob (is it on for every entry?), null when the agent has none */
  failClosed: boolean | null;
  /** Events expected but missing (e.g. Cursor `beforeMCPExecution`) */
  missingEvents: string[];
  /** The hook's node + bundle paths as written in the config */
  hookCommand: { raw: unknown; paths: string[] } | null;
  /** Why the file could not be read, when it could not */
  problem?: string;
};

function failClosedOn(opts: { agent: TAgentId; handler: unknown }): boolean {
  const handler = opts.handler as Record<string, unknown>;
  if (opts.agent === "claude-code") return handler.onFailure === "block";
  if (opts.agent === "cursor") return handler.failClosed === true;

  return false;
}

/** Agents whose configuration (at any scope) holds the egress-sync hook */
export function detectInstalledAgents(opts: { ctx?: TLocateContext } = {}): TInstalledAgent[] {
  const ctx = opts.ctx ?? locateContext();
  const found: TInstalledAgent[] = [];
  const seen = new Set<string>();
  for (const agent of AGENT_IDS) {
    const spec = AGENTS[agent];
    for (const scope of SCOPES) {
      const located = spec.locate({ scope, ctx });
      if ("refused" in located || seen.has(`${agent}\0${located.file}`)) continue;
      seen.add(`${agent}\0${located.file}`);
      const base = { agent, scope, file: located.file, failClosed: null, missingEvents: [], hookCommand: null };
      let root;
      try {
        const current = readConfigFile(located.file);
        if (!current) continue;
        root = parseConfig({ text: current.text, file: located.file });
      } catch (error) {
        found.push({ ...base, problem: error instanceof Error ? error.message : String(error) });
        continue;
      }
      if (!root) continue;
      const hookEntries = spec.entries({ node: "", cli: "" }).filter((e) => e.role === "hook");
      const ours: unknown[] = [];
      const missingEvents: string[] = [];
      for (const entry of hookEntries) {
        const node = findNodeAtLocation(root, entry.arrayPath);
        const items = node ? (getNodeValue(node) as unknown) : undefined;
        const handlers = Array.isArray(items) ? items.flatMap((item) => handlersOf({ spec, item })).filter((h) => ourHandlerRole(h) === "hook") : [];
        if (handlers.length === 0) missingEvents.push(entry.arrayPath.join("."));
        ours.push(...handlers);
      }
      if (ours.length === 0) continue;
      const failClosed = spec.failClosed.supported ? ours.every((handler) => failClosedOn({ agent, handler })) : null;
      found.push({ ...base, failClosed, missingEvents, hookCommand: { raw: ours[0], paths: commandPaths(ours[0]) } });
    }
  }

  return found;
}
