/** Adds an approved host or connector to a policy document as written (missing sections are created); commands return null. */
export function addToDocument(document: unknown, grant: { kind: string; target: string }): unknown {
  if (grant.kind !== "host" && grant.kind !== "connector") return null;
  const next = structuredClone((document ?? { version: 1 }) as Record<string, unknown>);
  if (grant.kind === "host") {
    const hosts = (next.hosts ??= {}) as { allow?: string[] };
    hosts.allow ??= [];
    if (!hosts.allow.includes(grant.target)) hosts.allow.push(grant.target);
  } else {
    const mcp = (next.mcp ??= {}) as { connectors?: { name: string; tools: string[] }[] };
    mcp.connectors ??= [];
    if (!mcp.connectors.some((c) => c.name === grant.target)) mcp.connectors.push({ name: grant.target, tools: ["*"] });
  }

  return next;
}
