/**
 * evaluate(): one normalized call + compiled policy → decision. Pure and synchronous.
 * Order (first deny wins): tool deny list → tamper → later-traffic files → sensitive files → DLP → URL-carrying
 * tools → MCP connectors → local servers → network-sounding names → unknown tools carrying
 * URLs → shell analysis. Observe mode turns denies into allow + wouldDeny.
 */
import type { TShellAnalysis } from "../shell/analyze.js";
import { isSensitivePath, PROTECTED_PATH } from "../shell/guards.js";
import { persistenceKind, persistenceReason } from "../shell/persistence.js";
import { writtenFilePaths } from "../adapters/common.js";
import type { TDecision, TEvaluationContext, TNormalizedCall } from "../types.js";
import { serverKey, type TCompiledPolicy } from "./compile.js";
import { allowDecision, denyDecision, observe } from "./decision.js";
import { dlpOf, factsOf, shellOf, type TCallFacts } from "./facts.js";
import { checkUrls } from "./hosts-check.js";
import { urlFieldValues } from "../hosts/extract.js";
import { evaluateShellFindings, gitRunDir } from "./shell-rules.js";
import { ownersInPayload, publicRepositoryCall, repositoryTargetOwner } from "./owners.js";

/** Decides one call. Any internal error yields a deny that names the error. */
export function evaluate(call: TNormalizedCall, compiled: TCompiledPolicy, ctx: TEvaluationContext = {}): TDecision {
  try {
    if (compiled === undefined || compiled === null) return denyDecision({ rule: "policy.missing", reason: "no policy is loaded; every call is denied until `egress-sync pull` succeeds" });
    if (call === undefined || call === null || typeof call.tool !== "string") return denyDecision({ rule: "input.malformed", reason: "the tool call could not be read" });
    const d = decide(call, compiled, ctx);
    return compiled.mode === "observe" ? observe(d) : d;
  } catch (e) {
    // INVARIANT: an evaluation error is a deny, in every mode.
    return denyDecision({ rule: "engine.error", reason: `the policy engine failed (${e instanceof Error ? e.message : "unknown error"}); denied to fail closed` });
  }
}

/** Longest shell command analyzed (larger ones are denied). */
export const MAX_COMMAND_CHARS = 131_072;

// INVARIANT: hot-path helpers are module-level functions, not per-call closures (bundlers that
// keep function names wrap every named closure at creation, which costs more than the decision).
function isProtectedPath(s: string, extra: readonly string[]): boolean {
  return PROTECTED_PATH.test(s) || extra.some((e) => e !== "" && s.includes(e));
}

/** The state directory as a command may write it: absolute, or under `~` / `$HOME` / `${HOME}`. */
function stateDirSpellings(stateDir: string, homeDir: string | undefined): string[] {
  if (homeDir === undefined || homeDir === "" || !stateDir.startsWith(`${homeDir}/`)) return [stateDir];
  const rest = stateDir.slice(homeDir.length);
  return [stateDir, `~${rest}`, `$HOME${rest}`, `\${HOME}${rest}`];
}

/** Paths tamper protection covers: the policy's own and, when known, the state directory's spellings. */
function protectedPathsOf(p: TCompiledPolicy, ctx: TEvaluationContext): readonly string[] {
  return ctx.stateDir ? [...p.protectedPaths, ...stateDirSpellings(ctx.stateDir, ctx.homeDir)] : p.protectedPaths;
}

function decide(call: TNormalizedCall, p: TCompiledPolicy, ctx: TEvaluationContext): TDecision {
  if (p.dlp?.error !== undefined) return denyDecision({ rule: "policy.invalid", reason: `the policy's dlp rules are invalid: ${p.dlp.error}` });
  const canonical = call.canonicalTool;
  if (p.toolDeny(call.tool) || (canonical !== undefined && p.toolDeny(canonical))) return denyDecision({ rule: "tools.denied", reason: `tool \`${call.tool}\` is on the policy's tool deny list`, destination: call.tool });

  // INVARIANT: analysis is bounded; a command too large to analyze is denied, not skipped.
  if (call.kind === "shell" && typeof call.command === "string" && call.command.length > MAX_COMMAND_CHARS) return denyDecision({ rule: "input.too_large", reason: `the command is ${call.command.length} characters long, more than the ${MAX_COMMAND_CHARS} the guard analyzes; split it into smaller commands` });
  const extra = protectedPathsOf(p, ctx);
  const facts = factsOf(call);
  const isShell = call.kind === "shell" && typeof call.command === "string";
  const shell = isShell ? shellOf(call, facts, extra, p.networkCommands) : undefined;
  const strings = facts.strings;

  // Tamper protection.
  const tamper = shell?.findings.find((f) => f.type === "tamper");
  if (tamper?.type === "tamper") return denyDecision({ rule: "tamper", reason: `this command would change the egress guard itself: ${tamper.detail}` });
  if (call.kind === "file" && !call.readOnly) {
    const hit = (call.filePaths ?? []).find((s) => isProtectedPath(s, extra));
    if (hit !== undefined) return denyDecision({ rule: "tamper", reason: `writing \`${hit}\` would change the egress guard or an agent's hook configuration` });
  }
  if (!isShell && call.kind !== "search" && call.kind !== "fetch") {
    const hit = facts.killSwitch ?? (call.kind !== "file" ? (facts.protectedRef ?? (extra.length > 0 ? strings.find((s) => isProtectedPath(s, extra)) : undefined)) : undefined);
    if (hit !== undefined) return denyDecision({ rule: "tamper", reason: `the call references the guard's hook configuration or a kill switch (\`${hit.slice(0, 120)}\`)` });
  }
  // Files that run or redirect later traffic (git hooks and config, ssh config, shell start-up files).
  const persist = shell?.findings.find((f) => f.type === "persistence");
  if (persist?.type === "persistence") return denyDecision({ rule: "files.persistence", reason: persistenceReason(persist.path, persist.kind) });
  for (const path of writtenFilePaths(call)) {
    const kind = persistenceKind(path);
    if (kind !== undefined) return denyDecision({ rule: "files.persistence", reason: persistenceReason(path, kind) });
  }

  // Sensitive files (credentials that would reach the model or a tool).
  if (p.protectSensitive) {
    const sens = shell?.findings.find((f) => f.type === "sensitive");
    if (sens?.type === "sensitive") return denyDecision({ rule: "files.sensitive", reason: sens.path.startsWith("$ ") ? `the command prints a stored credential (\`${sens.path.slice(2)}\`), which would reach the model` : `the command reads the credential file \`${sens.path}\`` });
    if (call.kind === "file" && call.readOnly) {
      const hit = (call.filePaths ?? []).find((s) => isSensitivePath(s) || p.extraSensitive.some((e) => s.includes(e)));
      if (hit !== undefined) return denyDecision({ rule: "files.sensitive", reason: `reading the credential file \`${hit}\` is not allowed` });
    }
    if (call.kind === "mcp" || call.kind === "other") {
      const hit = facts.homeCredential;
      if (hit !== undefined) return denyDecision({ rule: "files.sensitive", reason: `the payload references a protected credential path (\`${hit.slice(0, 120)}\`)` });
    }
  }
  if (call.kind === "mcp" || call.kind === "other") {
    const hit = facts.upload;
    if (hit !== undefined) return denyDecision({ rule: "mcp.payload_exfil", reason: `the payload contains a curl/wget local-file upload (\`${hit.slice(0, 120)}\`)` });
  }

  // DLP on the outbound payload.
  let warn: TDecision["dlp"];
  if (p.dlp?.compiled !== undefined && call.kind !== "file" && call.kind !== "agent") {
    const findings = dlpOf(facts, p.dlp.compiled);
    const deny = findings.find((f) => f.action === "deny");
    const dlp = findings.map((f) => ({ ruleId: f.ruleId, fingerprint: f.fingerprint }));
    if (deny) {
      // Where the secret was going, for the reviewer (not requestable: access to a host does not lift a DLP deny).
      const destination = decideDestination(call, p, ctx, facts, shell?.findings).destination;
      const d = denyDecision({ rule: `dlp:${deny.ruleId}`, reason: `the outbound payload contains a secret (${deny.ruleId}, fingerprint ${deny.fingerprint}); remove it or use a credential helper`, ...(destination !== undefined ? { destination } : {}) });
      d.dlp = dlp;
      return d;
    }
    if (dlp.length > 0) warn = dlp;
  }
  const result = decideDestination(call, p, ctx, facts, shell?.findings);
  if (warn !== undefined && result.effect === "allow") return { ...result, warn: true, dlp: warn };
  return result;
}

function decideDestination(call: TNormalizedCall, p: TCompiledPolicy, ctx: TEvaluationContext, facts: TCallFacts, shellFindings: TShellAnalysis["findings"] | undefined): TDecision {
  const canonical = call.canonicalTool;
  if (call.kind === "search") return p.searchAllowed ? allowDecision("search.allowed", "web search runs on the vendor's backend; its query passed DLP") : denyDecision({ rule: "tools.search_denied", reason: "web search is disabled by policy" });
  const urlTool = p.urlTools(call.tool) || (canonical !== undefined && p.urlTools(canonical));
  if (call.kind === "fetch" || call.kind === "browser" || call.kind === "websocket" || urlTool) {
    const r = checkUrls(call.urls, p, { what: `\`${call.tool}\``, requireOne: true, facts });
    return r.decision ?? allowDecision("hosts.allowed", `every destination is allow-listed (${r.destinations.join(", ")})`, r.destinations[0]);
  }
  if (call.kind === "mcp") return decideMcp(call, p, facts, ctx);
  if (call.kind === "shell") return evaluateShellFindings(shellFindings ?? [], p, { ...ctx, cwd: ctx.cwd ?? call.cwd });
  if (call.kind === "file" || call.kind === "agent") return allowDecision("tool.local", `\`${call.tool}\` does not reach the network`);
  const r = checkUrls(call.urls, p, { what: `\`${call.tool}\``, requireOne: false, facts });
  return r.decision ?? allowDecision(r.destinations.length > 0 ? "hosts.allowed" : "tool.local", r.destinations.length > 0 ? `every destination is allow-listed (${r.destinations.join(", ")})` : `\`${call.tool}\` carries no network destination`, r.destinations[0]);
}

function decideMcp(call: TNormalizedCall, p: TCompiledPolicy, facts: TCallFacts, ctx: TEvaluationContext): TDecision {
  const names = [call.tool, ...(call.canonicalTool !== undefined ? [call.canonicalTool] : [])];
  // MCP tools that run shell commands (desktop-commander, serena …) get the shell analysis too.
  const command = mcpShellCommand(call);
  if (command !== undefined) {
    const findings = shellOf({ ...call, kind: "shell", command, shell: "posix" }, facts, p.protectedPaths, p.networkCommands).findings;
    const guard = findings.find((f) => f.type === "tamper" || (f.type === "sensitive" && p.protectSensitive));
    if (guard?.type === "tamper") return denyDecision({ rule: "tamper", reason: `\`${call.tool}\` would run a command that changes the egress guard: ${guard.detail}` });
    if (guard?.type === "sensitive") return denyDecision({ rule: "files.sensitive", reason: `\`${call.tool}\` would run a command that reads the credential file \`${guard.path}\`` });
    const persist = findings.find((f) => f.type === "persistence");
    if (persist?.type === "persistence") return denyDecision({ rule: "files.persistence", reason: `\`${call.tool}\` would run a command: ${persistenceReason(persist.path, persist.kind)}` });
    const d = evaluateShellFindings(findings, p, { ...ctx, cwd: ctx.cwd ?? call.cwd });
    if (d.effect === "deny") return d;
  }
  const server = call.server;
  const dest = `mcp:${server ?? call.tool}`;
  if (server !== undefined && p.localServers.has(serverKey(server))) return allowDecision("mcp.local_server", `\`${server}\` is a local (non-egress) MCP server`, dest);
  const connector = p.connectors.find((c) => names.some((n) => c.match(n)));
  if (connector) {
    const scopes = [...(connector.owners !== undefined ? [connector.owners] : []), ...p.ownerScopes.filter((s) => names.some((n) => s.match(n))).map((s) => s.owners)];
    if (scopes.length > 0) {
      const target = repositoryTargetOwner(call.canonicalTool ?? call.tool, call.payload);
      for (const owner of [...ownersInPayload(call.payload), ...(target !== undefined ? [target] : [])]) {
        const denied = scopes.find((allowed) => !allowed.has(owner));
        if (denied && owner === "(authenticated user)") return denyDecision({ rule: "mcp.owner_scope", reason: `\`${call.tool}\` would create the repository under the authenticated user's own account, outside connector \`${connector.name}\`'s owner scope (allowed: ${[...denied].join(", ") || "none"}); pass \`organization\` with an allowed owner` });
        if (denied) return denyDecision({ rule: "mcp.owner_scope", reason: `connector \`${connector.name}\` may not act on owner \`${owner}\` (allowed: ${[...denied].join(", ") || "none"})`, destination: `mcp:${connector.name}/${owner}`, requestable: true });
      }
    }
    const exposed = p.denyPublicRepos ? publicRepositoryCall(call.canonicalTool ?? call.tool, call.payload) : undefined;
    if (exposed !== undefined) return denyDecision({ rule: "git.public_repo", reason: `\`${call.tool}\` ${exposed}: its code and history become readable by anyone; pass \`private: true\` (shell.git.denyPublicRepos)` });
    // URLs a connector is asked to open (url/href/endpoint/webhook fields) leave through its
    // backend: they must be allow-listed too. URLs merely mentioned in text are not destinations.
    const r = checkUrls(urlFieldValues(call.payload).filter((u) => /^[a-z][a-z0-9+.-]*:\/\//i.test(u)), p, { what: `connector \`${connector.name}\``, requireOne: false, facts });
    if (r.decision) return r.decision;
    return allowDecision("mcp.connector", `\`${call.tool}\` is allowed by connector \`${connector.name}\``, `mcp:${connector.name}`);
  }
  if (names.some((n) => p.connectorTools(n))) return denyDecision({ rule: "mcp.not_allowed", reason: `connector tool \`${call.tool}\` is not on the allowed connector list`, destination: dest, requestable: true });
  if (names.some((n) => p.networkNames(n))) return denyDecision({ rule: "tools.network_name", reason: `\`${call.tool}\` looks like a network/send tool and its destination cannot be verified`, destination: dest, requestable: true });
  if (call.urls.length > 0) {
    const r = checkUrls(call.urls, p, { what: `\`${call.tool}\``, requireOne: false, facts });
    if (r.decision) return r.decision;
    if (!p.unknownServersAllowed) return denyDecision({ rule: "mcp.not_allowed", reason: `MCP server \`${server ?? "unknown"}\` is not an allowed connector or local server and the call carries a URL`, destination: dest, requestable: true });
  }
  if (!p.unknownServersAllowed) return denyDecision({ rule: "mcp.not_allowed", reason: `MCP server \`${server ?? "unknown"}\` is not an allowed connector or local server`, destination: dest, requestable: true });
  return allowDecision("mcp.unknown_server", `unknown MCP servers are allowed by policy and \`${call.tool}\` carries no disallowed destination`, dest);
}

const MCP_SHELL_TOOL = /exec|shell|command|terminal|bash|run_?cmd|process/i;

/** The shell command an MCP tool is asked to run, if its name and payload say so. */
function mcpShellCommand(call: TNormalizedCall): string | undefined {
  const name = call.canonicalTool ?? call.tool;
  if (!MCP_SHELL_TOOL.test(name.slice(name.lastIndexOf("__") + 2))) return undefined;
  const input = call.payload;
  if (input === null || typeof input !== "object") return undefined;
  const rec = input as Record<string, unknown>;
  for (const k of ["command", "cmd", "shell_command", "script", "commandLine", "command_line"]) {
    const v = rec[k];
    if (typeof v === "string" && v.trim() !== "") return v;
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return (v).join(" ");
  }
  return undefined;
}

/**
 * Remote names the CLI must resolve from the git config in `call.cwd` before `evaluate`. Given the
 * policy and context `evaluate` will get, the command is analyzed once for both (the analysis is
 * memoized per call and per protected paths); the names do not depend on them.
 */
export function gitRemotesNeeded(call: TNormalizedCall, compiled?: TCompiledPolicy, ctx: TEvaluationContext = {}): string[] {
  return [...new Set(remoteFindings(call, compiled, ctx).map((f) => f.name))];
}

/**
 * The other directories git runs in for this call (`cd sub && git push`, `git -C ../lib fetch`,
 * `--git-dir`), as absolute paths: the CLI resolves remotes there too (`ctx.gitRemotesIn`). A
 * directory that cannot be told (a variable, a substitution) is not listed: its remotes stay unknown.
 */
export function gitRemoteDirs(call: TNormalizedCall, compiled?: TCompiledPolicy, ctx: TEvaluationContext = {}): string[] {
  const cwd = ctx.cwd ?? call.cwd;
  const here = cwd !== undefined ? gitRunDir(cwd, undefined, ctx.homeDir) : undefined;
  const dirs = new Set<string>();
  for (const f of remoteFindings(call, compiled, ctx)) {
    const there = f.dir !== undefined ? gitRunDir(f.dir, cwd, ctx.homeDir) : undefined;
    if (there !== undefined && there !== here) dirs.add(there);
  }
  return [...dirs];
}

function remoteFindings(call: TNormalizedCall, compiled: TCompiledPolicy | undefined, ctx: TEvaluationContext): Extract<TShellAnalysis["findings"][number], { type: "remote" }>[] {
  if (call.kind !== "shell" || typeof call.command !== "string" || call.shell === "powershell") return [];
  const analysis = compiled ? shellOf(call, factsOf(call), protectedPathsOf(compiled, ctx), compiled.networkCommands) : shellOf(call, factsOf(call), []);
  return analysis.findings.filter((f): f is Extract<TShellAnalysis["findings"][number], { type: "remote" }> => f.type === "remote");
}
