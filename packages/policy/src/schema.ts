/**
 * Policy document v1: strict, versioned zod schema (unknown fields rejected) and its JSON
 * Schema for editors. Zod lives only here and in the importer; the evaluation path never
 * imports this module at run time (types only).
 */
import { z } from "zod";
import { parse as parseDomain } from "tldts";
import { AGENTS } from "./types.js";
import { parseHostPattern } from "./hosts/match.js";
import { DLP_RULE_IDS, MAX_CUSTOM_PATTERN_LENGTH } from "./dlp/index.js";
import { unsafePatternReason } from "./dlp/safe-pattern.js";
import { DEFAULT_NETWORK_NAME_GLOBS, DEFAULT_FORGE_API_HOSTS, DEFAULT_REGISTRIES } from "./defaults.js";

/** Why a host entry is unusable, or undefined when it is fine. */
export function hostEntryProblem(entry: string): string | undefined {
  if (entry.includes("://") || entry.includes("/")) return `host \`${entry}\` must be a bare host, not a URL`;
  const p = parseHostPattern(entry);
  if (!p) return `host \`${entry}\` is not a valid host, \`*.suffix\` or \`host:port\``;
  if (p.wildcard) {
    const info = parseDomain(p.host, { allowPrivateDomains: true });
    // INVARIANT: a wildcard over a public suffix (`*.co.uk`, `*.vercel.app`) would allow hosts anyone can register.
    if (info.domain === null || info.publicSuffix === p.host) {
      return `wildcard \`${entry}\` covers the public suffix \`${p.host}\`; anyone can register a host under it`;
    }
  }
  return undefined;
}

const ZHostEntrySchema = z.string().min(1).superRefine((v, ctx) => {
  const problem = hostEntryProblem(v);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const ZToolGlobSchema = z.string().min(1).max(300);

const ZRegexSchema = z.string().min(1).max(MAX_CUSTOM_PATTERN_LENGTH).superRefine((v, ctx) => {
  const source = v.startsWith("(?i)") ? v.slice(4) : v;
  try {
    new RegExp(source, "u");
  } catch {
    ctx.addIssue({ code: "custom", message: `pattern \`${v}\` is not a valid regular expression` });
    return;
  }
  const unsafe = unsafePatternReason(v);
  if (unsafe !== undefined) ctx.addIssue({ code: "custom", message: unsafe });
});

/** MCP connector: a fixed-backend server allowed by tool-name globs, optionally scoped to owners. */
export const ZConnectorSchema = z.strictObject({
  name: z.string().min(1).max(100).regex(/^[A-Za-z0-9_.-]+$/),
  tools: z.array(ZToolGlobSchema).min(1),
  /** Resource owners (e.g. GitHub orgs) the connector may act on; absent = any owner. */
  owners: z.array(z.string().min(1)).optional(),
});

/** A policy test: a raw hook input and the decision it must get. */
export const ZPolicyTestSchema = z.strictObject({
  name: z.string().min(1),
  agent: z.enum(AGENTS),
  input: z.union([z.record(z.string(), z.unknown()), z.string()]),
  gitRemotes: z.record(z.string(), z.string()).optional(),
  expect: z.enum(["allow", "deny"]),
  rule: z.string().optional(),
});

/** The native policy document, version 1. */
export const ZPolicyDocumentSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1),
  name: z.string().max(200).optional(),
  description: z.string().max(5000).optional(),
  mode: z.enum(["enforce", "observe"]).default("enforce"),
  logLevel: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(1),
  hosts: z
    .strictObject({
      allow: z.array(ZHostEntrySchema).default([]),
      deny: z.array(ZHostEntrySchema).default([]),
      loopback: z.enum(["allow", "deny"]).default("allow"),
    })
    .prefault({}),
  tools: z
    .strictObject({
      deny: z.array(ZToolGlobSchema).default([]),
      urlTools: z.array(ZToolGlobSchema).default([]),
      networkNameGlobs: z.array(ZToolGlobSchema).default([...DEFAULT_NETWORK_NAME_GLOBS]),
      search: z.enum(["allow", "deny"]).default("allow"),
    })
    .prefault({}),
  mcp: z
    .strictObject({
      connectors: z.array(ZConnectorSchema).default([]),
      connectorTools: z.array(ZToolGlobSchema).default([]),
      ownerScopes: z.array(z.strictObject({ tools: z.array(ZToolGlobSchema).min(1), owners: z.array(z.string().min(1)) })).default([]),
      localServers: z.array(z.string().min(1)).default([]),
      unknownServers: z.enum(["deny", "allow"]).default("deny"),
    })
    .prefault({}),
  shell: z
    .strictObject({
      network: z.enum(["allow-listed", "deny"]).default("allow-listed"),
      networkCommands: z.array(z.string().regex(/^[A-Za-z0-9_.+-]+$/)).default([]),
      pipeToInterpreter: z.enum(["deny", "allow-listed"]).default("deny"),
      downloadThenExecute: z.enum(["deny", "allow-listed"]).default("deny"),
      registries: z.array(ZHostEntrySchema).default([...DEFAULT_REGISTRIES]),
      // Where packages and images may be published (npm/cargo/gem/… publish, twine upload, docker
      // push): none by default, since publishing sends the project out of the organization
      publish: z.array(ZHostEntrySchema).default([]),
      git: z
        .strictObject({
          writeOwners: z.array(z.string().min(1)).optional(),
          writeHosts: z.array(ZHostEntrySchema).optional(),
          reads: z.enum(["allowed-hosts", "any"]).default("allowed-hosts"),
          denyServerSideMerge: z.boolean().default(true),
          // Creating a public repository or making one public (gh, the GitHub API, connectors)
          denyPublicRepos: z.boolean().default(true),
          forgeApiHosts: z.array(ZHostEntrySchema).default([...DEFAULT_FORGE_API_HOSTS]),
        })
        .prefault({}),
    })
    .prefault({}),
  files: z
    .strictObject({
      protectSensitive: z.boolean().default(true),
      extraSensitive: z.array(z.string().min(1)).default([]),
    })
    .prefault({}),
  dlp: z
    .strictObject({
      enabled: z.union([z.literal("all"), z.array(z.string().refine((id) => (DLP_RULE_IDS).includes(id), { message: "unknown dlp rule id" }))]).default("all"),
      custom: z
        .array(z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/), pattern: ZRegexSchema, keywords: z.array(z.string().min(1)).optional() }))
        .default([]),
      actions: z.record(z.string(), z.enum(["deny", "warn"])).default({}),
    })
    .prefault({}),
  tamper: z.strictObject({ protectedPaths: z.array(z.string().min(1)).default([]) }).prefault({}),
  tests: z.array(ZPolicyTestSchema).default([]),
});

/** A parsed (defaults filled) policy document. */
export type TPolicyDocument = z.output<typeof ZPolicyDocumentSchema>;
/** A policy document as written (defaults optional). */
export type TPolicyDocumentInput = z.input<typeof ZPolicyDocumentSchema>;
/** One issue with a path like `hosts.allow.3`. */
export type TPolicyIssue = { path: string; message: string };

/** Validates a policy document; errors carry dotted paths. */
export function parsePolicyDocument(input: unknown): { ok: true; policy: TPolicyDocument } | { ok: false; errors: TPolicyIssue[] } {
  const r = ZPolicyDocumentSchema.safeParse(input);
  if (r.success) return { ok: true, policy: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message })) };
}

/** JSON Schema (draft 2020-12) of the document as written, for editors. */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ZPolicyDocumentSchema, { io: "input", unrepresentable: "any" });
}
