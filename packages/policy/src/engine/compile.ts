/** compilePolicy: a policy document → lookup structures, once per snapshot. No zod. */
import type { TPolicyDocument } from "../schema.js";
import { compileGlobs, type TGlobMatcher } from "../glob.js";
import { compileHostSet, type TBuiltHostSet, type THostSet } from "../hosts/match.js";
import { loadDlp, type TDlpBridge } from "./dlp-bridge.js";

/** A compiled MCP connector. */
export type TCompiledConnector = { name: string; match: TGlobMatcher; owners: Set<string> | undefined };

/** The policy in evaluation-ready form. Treat as opaque outside the engine. */
export type TCompiledPolicy = {
  source: TPolicyDocument;
  mode: "enforce" | "observe";
  logLevel: 0 | 1 | 2;
  allow: THostSet;
  deny: THostSet;
  loopbackAllowed: boolean;
  toolDeny: TGlobMatcher;
  urlTools: TGlobMatcher;
  networkNames: TGlobMatcher;
  searchAllowed: boolean;
  connectors: TCompiledConnector[];
  connectorTools: TGlobMatcher;
  ownerScopes: { match: TGlobMatcher; owners: Set<string> }[];
  localServers: Set<string>;
  unknownServersAllowed: boolean;
  shellNetworkAllowed: boolean;
  pipeToInterpreterDenied: boolean;
  downloadExecDenied: boolean;
  registries: THostSet;
  /** Registries packages and images may be published to (shell.publish; short, compiled here) */
  publish: THostSet;
  gitWriteOwners: Set<string> | undefined;
  gitWriteHosts: THostSet | undefined;
  gitReadsAnyHost: boolean;
  denyServerSideMerge: boolean;
  denyPublicRepos: boolean;
  forgeApiHosts: THostSet;
  protectSensitive: boolean;
  extraSensitive: string[];
  protectedPaths: string[];
  networkCommands: string[];
  dlp: TDlpBridge | undefined;
};

/** Server names compare exactly, with `-` and `_` as spellings of the same character. */
export function serverKey(name: string): string {
  return name.replace(/-/g, "_");
}

/** The policy's host sets, already compiled (see `compilePolicyIndex`). */
export type TPrebuiltHostSets = { allow: THostSet; deny: THostSet; registries: THostSet; gitWriteHosts: THostSet | undefined; forgeApiHosts: THostSet };

/** Compiles every host set of a policy (the only part whose cost grows with the policy). */
export function compileHostSets(policy: TPolicyDocument): TPrebuiltHostSets & { allow: TBuiltHostSet; deny: TBuiltHostSet; registries: TBuiltHostSet; gitWriteHosts: TBuiltHostSet | undefined; forgeApiHosts: TBuiltHostSet } {
  const p = policy as Partial<TPolicyDocument>;
  const git = p.shell?.git;
  return {
    allow: compileHostSet(p.hosts?.allow ?? []),
    deny: compileHostSet(p.hosts?.deny ?? []),
    registries: compileHostSet(p.shell?.registries ?? []),
    gitWriteHosts: git?.writeHosts ? compileHostSet(git.writeHosts) : undefined,
    forgeApiHosts: compileHostSet(git?.forgeApiHosts ?? ["api.github.com"]),
  };
}

/**
 * Compiles a parsed policy. Missing sections fall back to the strictest defaults. `hosts`, when
 * given, replaces the policy's own host lists (a precompiled index, see `compilePolicyIndex`).
 */
export function compilePolicy(policy: TPolicyDocument, hosts?: TPrebuiltHostSets): TCompiledPolicy {
  const p = policy as Partial<TPolicyDocument>;
  const git = p.shell?.git;
  const h = hosts ?? compileHostSets(policy);
  return {
    source: policy,
    mode: p.mode === "observe" ? "observe" : "enforce",
    logLevel: p.logLevel === 0 || p.logLevel === 2 ? p.logLevel : 1,
    allow: h.allow,
    deny: h.deny,
    loopbackAllowed: (p.hosts?.loopback ?? "allow") === "allow",
    toolDeny: compileGlobs(p.tools?.deny ?? []),
    urlTools: compileGlobs(p.tools?.urlTools ?? []),
    networkNames: compileGlobs(p.tools?.networkNameGlobs ?? []),
    searchAllowed: (p.tools?.search ?? "allow") === "allow",
    connectors: (p.mcp?.connectors ?? []).map((c) => ({ name: c.name, match: compileGlobs(c.tools), owners: c.owners ? new Set(c.owners.map((o) => o.toLowerCase())) : undefined })),
    connectorTools: compileGlobs(p.mcp?.connectorTools ?? []),
    ownerScopes: (p.mcp?.ownerScopes ?? []).map((o) => ({ match: compileGlobs(o.tools), owners: new Set(o.owners.map((x) => x.toLowerCase())) })),
    localServers: new Set((p.mcp?.localServers ?? []).map(serverKey)),
    unknownServersAllowed: p.mcp?.unknownServers === "allow",
    shellNetworkAllowed: (p.shell?.network ?? "allow-listed") === "allow-listed",
    pipeToInterpreterDenied: (p.shell?.pipeToInterpreter ?? "deny") === "deny",
    downloadExecDenied: (p.shell?.downloadThenExecute ?? "deny") === "deny",
    registries: h.registries,
    publish: compileHostSet(p.shell?.publish ?? []),
    gitWriteOwners: git?.writeOwners ? new Set(git.writeOwners.map((o) => o.toLowerCase())) : undefined,
    gitWriteHosts: h.gitWriteHosts,
    gitReadsAnyHost: git?.reads === "any",
    denyServerSideMerge: git?.denyServerSideMerge ?? true,
    denyPublicRepos: git?.denyPublicRepos ?? true,
    forgeApiHosts: h.forgeApiHosts,
    protectSensitive: p.files?.protectSensitive ?? true,
    extraSensitive: p.files?.extraSensitive ?? [],
    protectedPaths: p.tamper?.protectedPaths ?? [],
    networkCommands: (p.shell?.networkCommands ?? []).map((c) => c.toLowerCase()),
    dlp: loadDlp(p.dlp),
  };
}
