/** Semantic diff between two policy documents, for the console (hosts added/removed, mode …). */
import type { TPolicyDocument } from "./schema.js";

/** One semantic change. */
export type TPolicyChange = { kind: string; path: string; before?: unknown; after?: unknown; summary: string };

const LISTS: { path: string; get: (p: TPolicyDocument) => readonly string[] | undefined; noun: string }[] = [
  { path: "hosts.allow", get: (p) => p.hosts.allow, noun: "allowed host" },
  { path: "hosts.deny", get: (p) => p.hosts.deny, noun: "denied host" },
  { path: "tools.deny", get: (p) => p.tools.deny, noun: "denied tool" },
  { path: "tools.urlTools", get: (p) => p.tools.urlTools, noun: "URL tool" },
  { path: "tools.networkNameGlobs", get: (p) => p.tools.networkNameGlobs, noun: "network-name glob" },
  { path: "mcp.localServers", get: (p) => p.mcp.localServers, noun: "local MCP server" },
  { path: "mcp.connectorTools", get: (p) => p.mcp.connectorTools, noun: "connector tool class" },
  { path: "shell.registries", get: (p) => p.shell.registries, noun: "package registry" },
  { path: "shell.publish", get: (p) => p.shell.publish, noun: "publish target" },
  { path: "shell.git.writeOwners", get: (p) => p.shell.git.writeOwners, noun: "git write owner" },
  { path: "shell.git.writeHosts", get: (p) => p.shell.git.writeHosts, noun: "git write host" },
  { path: "tamper.protectedPaths", get: (p) => p.tamper.protectedPaths, noun: "protected path" },
];

const SCALARS: { path: string; get: (p: TPolicyDocument) => unknown }[] = [
  { path: "mode", get: (p) => p.mode },
  { path: "logLevel", get: (p) => p.logLevel },
  { path: "hosts.loopback", get: (p) => p.hosts.loopback },
  { path: "tools.search", get: (p) => p.tools.search },
  { path: "mcp.unknownServers", get: (p) => p.mcp.unknownServers },
  { path: "shell.network", get: (p) => p.shell.network },
  { path: "shell.pipeToInterpreter", get: (p) => p.shell.pipeToInterpreter },
  { path: "shell.downloadThenExecute", get: (p) => p.shell.downloadThenExecute },
  { path: "shell.git.reads", get: (p) => p.shell.git.reads },
  { path: "shell.git.denyServerSideMerge", get: (p) => p.shell.git.denyServerSideMerge },
  { path: "shell.git.denyPublicRepos", get: (p) => p.shell.git.denyPublicRepos },
  { path: "files.protectSensitive", get: (p) => p.files.protectSensitive },
  { path: "dlp.enabled", get: (p) => p.dlp.enabled },
  { path: "dlp.actions", get: (p) => p.dlp.actions },
];

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Lists what changed between `before` and `after`, in a stable order. */
export function diffPolicies(before: TPolicyDocument, after: TPolicyDocument): TPolicyChange[] {
  const out: TPolicyChange[] = [];
  for (const s of SCALARS) {
    const a = s.get(before);
    const b = s.get(after);
    if (!same(a, b)) out.push({ kind: s.path === "mode" ? "mode.changed" : "setting.changed", path: s.path, before: a, after: b, summary: `${s.path}: ${JSON.stringify(a)} → ${JSON.stringify(b)}` });
  }
  for (const l of LISTS) {
    const a = new Set(l.get(before) ?? []);
    const b = new Set(l.get(after) ?? []);
    for (const x of b) if (!a.has(x)) out.push({ kind: `${l.path}.added`, path: l.path, after: x, summary: `${l.noun} added: ${x}` });
    for (const x of a) if (!b.has(x)) out.push({ kind: `${l.path}.removed`, path: l.path, before: x, summary: `${l.noun} removed: ${x}` });
  }
  const conns = (p: TPolicyDocument): Map<string, unknown> => new Map(p.mcp.connectors.map((c) => [c.name, c]));
  const ca = conns(before);
  const cb = conns(after);
  for (const [name, c] of cb) {
    if (!ca.has(name)) out.push({ kind: "mcp.connector.added", path: `mcp.connectors.${name}`, after: c, summary: `connector added: ${name}` });
    else if (!same(ca.get(name), c)) out.push({ kind: "mcp.connector.changed", path: `mcp.connectors.${name}`, before: ca.get(name), after: c, summary: `connector changed: ${name}` });
  }
  for (const [name, c] of ca) if (!cb.has(name)) out.push({ kind: "mcp.connector.removed", path: `mcp.connectors.${name}`, before: c, summary: `connector removed: ${name}` });
  if (!same(before.mcp.ownerScopes, after.mcp.ownerScopes)) out.push({ kind: "mcp.ownerScopes.changed", path: "mcp.ownerScopes", before: before.mcp.ownerScopes, after: after.mcp.ownerScopes, summary: "connector owner scopes changed" });
  if (!same(before.dlp.custom, after.dlp.custom)) out.push({ kind: "dlp.custom.changed", path: "dlp.custom", before: before.dlp.custom, after: after.dlp.custom, summary: "custom DLP patterns changed" });
  if (before.tests.length !== after.tests.length || !same(before.tests, after.tests)) out.push({ kind: "tests.changed", path: "tests", before: before.tests.length, after: after.tests.length, summary: `policy tests: ${before.tests.length} → ${after.tests.length}` });
  return out;
}
