/** MCP tool naming across agents → one canonical `mcp__<server>__<tool>` form. */

/** Splits Claude Code / Codex `mcp__<server>__<tool>` (server may contain single underscores). */
export function splitDoubleUnderscore(tool: string): { server: string; name: string } | undefined {
  if (!tool.startsWith("mcp__")) return undefined;
  const rest = tool.slice(5);
  const i = rest.indexOf("__");
  if (i <= 0) return { server: rest, name: "" };
  return { server: rest.slice(0, i), name: rest.slice(i + 2) };
}

/** Canonical name used to match tool globs for every agent. */
export function canonicalMcpName(server: string | undefined, name: string): string {
  return `mcp__${server ?? "unknown"}__${name}`;
}
