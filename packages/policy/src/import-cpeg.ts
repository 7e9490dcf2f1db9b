/**
 * Importer for a cross-provider-egress-guard `mcp-gate-policy.json`: maps `deny`,
 * `require_token` and every field of its `egress` block to the native document. What cannot be
 * mapped exactly is reported, never dropped silently.
 */
import { defaultPolicyDocument } from "./defaults.js";
import { hostEntryProblem, parsePolicyDocument, type TPolicyDocument, type TPolicyIssue } from "./schema.js";

const KNOWN_EGRESS = new Set(["default", "max_payload_bytes_to_novel_host", "non_egress_servers", "url_tools", "allow_hosts", "connector_tools", "allow_connectors", "connector_owner_scope", "network_name_globs", "github_shell_owners", "github_shell_hosts"]);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** True when `input` looks like an `mcp-gate-policy.json` (used by `check --policy <file>`). */
export function isCrossProviderPolicy(input: unknown): boolean {
  if (!isObject(input) || "version" in input) return false;
  return isObject(input.egress) || Array.isArray(input.deny) || Array.isArray(input.require_token);
}

/** Imports an `mcp-gate-policy.json`. */
export function importCrossProviderPolicy(input: unknown): { ok: true; policy: TPolicyDocument; report: TPolicyIssue[] } | { ok: false; errors: TPolicyIssue[] } {
  if (!isCrossProviderPolicy(input) || !isObject(input)) return { ok: false, errors: [{ path: "(root)", message: "not a cross-provider-egress-guard policy (expected an object with `egress`, `deny` or `require_token`)" }] };
  const report: TPolicyIssue[] = [];
  const errors: TPolicyIssue[] = [];
  const strings = (path: string, v: unknown): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      errors.push({ path, message: "must be an array of strings" });
      return [];
    }
    return v.filter((x, i) => {
      if (typeof x === "string") return !x.startsWith("_comment");
      errors.push({ path: `${path}.${i}`, message: "must be a string" });
      return false;
    }) as string[];
  };
  const doc = defaultPolicyDocument();
  doc.name = "imported from mcp-gate-policy.json";
  doc.tools.urlTools = [];
  for (const k of Object.keys(input)) if (!["deny", "require_token", "egress"].includes(k) && !k.startsWith("_")) report.push({ path: k, message: `unknown field \`${k}\` was ignored` });
  doc.tools.deny = strings("deny", input.deny);
  const tokens = strings("require_token", input.require_token);
  if (tokens.length > 0) {
    doc.tools.deny.push(...tokens);
    report.push({ path: "require_token", message: `confirmation tokens are not supported; the ${tokens.length} token-gated tool glob(s) are denied outright (tools.deny)` });
  }
  const eg = input.egress === undefined ? {} : input.egress;
  if (!isObject(eg)) return { ok: false, errors: [{ path: "egress", message: "must be an object" }] };
  for (const k of Object.keys(eg)) if (!KNOWN_EGRESS.has(k) && !k.startsWith("_")) report.push({ path: `egress.${k}`, message: `unknown field \`${k}\` was ignored` });
  if (eg.default !== "deny") report.push({ path: "egress.default", message: `\`${String(eg.default)}\` is not default-deny; cross-provider-egress-guard then failed closed for shell network commands, the import enforces default-deny everywhere` });
  if (eg.max_payload_bytes_to_novel_host !== undefined) report.push({ path: "egress.max_payload_bytes_to_novel_host", message: "subsumed: a host that is not allow-listed is denied whatever the payload size" });
  doc.mcp.localServers = strings("egress.non_egress_servers", eg.non_egress_servers);
  doc.tools.urlTools = strings("egress.url_tools", eg.url_tools);
  doc.hosts.allow = [];
  strings("egress.allow_hosts", eg.allow_hosts).forEach((h, i) => {
    const host = h.trim().toLowerCase();
    const problem = /\*/.test(host.replace(/^\*\./, "")) ? `glob \`${h}\` cannot be expressed (only exact hosts and \`*.suffix\`); it was not imported` : hostEntryProblem(host);
    if (problem === undefined) doc.hosts.allow.push(host);
    else report.push({ path: `egress.allow_hosts.${i}`, message: problem });
  });
  doc.mcp.connectorTools = strings("egress.connector_tools", eg.connector_tools);
  const used = new Set<string>();
  doc.mcp.connectors = strings("egress.allow_connectors", eg.allow_connectors).map((glob) => {
    let name = glob.replace(/^mcp__/, "").replace(/[^A-Za-z0-9_.-]+/g, "") || "connector";
    while (used.has(name)) name += "_";
    used.add(name);
    return { name, tools: [glob] };
  });
  if (eg.connector_owner_scope !== undefined) {
    if (!isObject(eg.connector_owner_scope)) errors.push({ path: "egress.connector_owner_scope", message: "must be an object of glob → owners" });
    else doc.mcp.ownerScopes = Object.entries(eg.connector_owner_scope).filter(([k]) => !k.startsWith("_")).map(([glob, owners]) => ({ tools: [glob], owners: strings(`egress.connector_owner_scope.${glob}`, owners) }));
    report.push({ path: "egress.connector_owner_scope", message: "a call whose owner cannot be determined still passes, as before; owners are now also read from nested fields and JSON strings" });
  }
  doc.tools.networkNameGlobs = strings("egress.network_name_globs", eg.network_name_globs);
  if (eg.github_shell_owners !== undefined) doc.shell.git.writeOwners = strings("egress.github_shell_owners", eg.github_shell_owners).map((o) => o.toLowerCase());
  if (eg.github_shell_hosts !== undefined) {
    doc.shell.git.writeHosts = [];
    strings("egress.github_shell_hosts", eg.github_shell_hosts).forEach((h, i) => {
      const problem = hostEntryProblem(h.toLowerCase());
      if (problem === undefined) doc.shell.git.writeHosts?.push(h.toLowerCase());
      else report.push({ path: `egress.github_shell_hosts.${i}`, message: problem });
    });
  }
  report.push({ path: "mcp.unknownServers", message: "stricter: MCP servers that are neither local nor allowed connectors are denied (cross-provider-egress-guard let their non-network-named tools through)" });
  report.push({ path: "shell.git.reads", message: "stricter: git clone/fetch/pull need an allow-listed host (cross-provider-egress-guard only checked hosts when a network command word appeared)" });
  if (errors.length > 0) return { ok: false, errors };
  const parsed = parsePolicyDocument(doc);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, policy: parsed.policy, report };
}
