/** Turns policy-independent shell findings into a decision with the compiled policy. */
import { formatDestination, parseUrlDestination, parseHostPort } from "../hosts/normalize.js";
import { hostSetMatches } from "../hosts/match.js";
import { githubOwnerOf } from "../shell/git.js";
import { isSensitivePath, KILL_SWITCH, PROTECTED_PATH } from "../shell/guards.js";
import { persistenceKind, persistenceReason } from "../shell/persistence.js";
import type { TShellFinding } from "../shell/findings.js";
import type { TDecision, TEvaluationContext } from "../types.js";
import type { TCompiledPolicy } from "./compile.js";
import { allowDecision, denyDecision } from "./decision.js";
import { checkDestination } from "./hosts-check.js";

/** Decision for a shell command from its findings (first deny wins). */
export function evaluateShellFindings(findings: readonly TShellFinding[], p: TCompiledPolicy, ctx: TEvaluationContext): TDecision {
  const all = [...findings];
  for (const f of findings) if (f.type === "remote") all.push(...resolveRemote(f, ctx));
  const destinations: string[] = [];
  for (const f of all) {
    const d = findingDecision(f, p);
    if (d) return d;
    if (f.type === "host") destinations.push(formatDestination(f.dest));
  }
  if (destinations.length === 0) return allowDecision("shell.local", "the command makes no network connection");
  return allowDecision("hosts.allowed", `every destination is allow-listed (${[...new Set(destinations)].join(", ")})`, destinations[0]);
}

/** `dir` as an absolute path with no trailing slash (`~` and `$HOME` expanded), if it can be told. */
function absoluteDir(dir: string, homeDir: string | undefined): string | undefined {
  const m = /^(~|\$HOME|\$\{HOME\})(?=\/|$)/.exec(dir);
  const abs = m ? (homeDir !== undefined && homeDir !== "" ? `${homeDir}${dir.slice(m[0].length)}` : undefined) : dir.startsWith("/") ? dir : undefined;
  if (abs === undefined) return undefined;
  const parts: string[] = [];
  for (const part of abs.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

/**
 * The absolute directory git runs in for a remote finding's `dir`, as written: absolute, `~`/`$HOME`,
 * or relative to the call's directory; undefined when it cannot be told (a variable, a substitution,
 * a glob, or a directory the analysis could not follow).
 */
export function gitRunDir(dir: string, cwd: string | undefined, homeDir: string | undefined): string | undefined {
  const tilde = dir.replace(/^(\$HOME|\$\{HOME\})(?=\/|$)/, "~");
  if (/[`$*?[\]{}()]/.test(tilde) || dir.startsWith("-")) return undefined;
  if (tilde.startsWith("/") || /^~(?=\/|$)/.test(tilde)) return absoluteDir(tilde, homeDir);
  const base = cwd !== undefined ? absoluteDir(cwd, homeDir) : undefined;
  return base === undefined ? undefined : absoluteDir(`${base}/${dir}`, homeDir);
}

function resolveRemote(f: Extract<TShellFinding, { type: "remote" }>, ctx: TEvaluationContext): TShellFinding[] {
  // INVARIANT: remote names are resolved in the directory git runs in. The call's own directory has
  // ctx.gitRemotes; another one (`cd`, `git -C`, `--git-dir`) only the remotes the CLI resolved there
  // (ctx.gitRemotesIn); anything else has other remotes, so the name says nothing about where it goes
  let table = { remotes: ctx.gitRemotes, pushRemotes: ctx.gitPushRemotes, defaults: ctx.gitDefaultRemotes };
  if (f.dir !== undefined) {
    const here = ctx.cwd !== undefined ? absoluteDir(ctx.cwd, ctx.homeDir) : undefined;
    const there = gitRunDir(f.dir, ctx.cwd, ctx.homeDir);
    const resolved = there !== undefined && there !== here ? ctx.gitRemotesIn?.[there] : undefined;
    if (resolved !== undefined) table = resolved;
    else if (here === undefined || there !== here) {
      return [{ type: "unknown", via: f.via, detail: `git runs in \`${f.dir.slice(0, 120)}\`, a directory whose remotes the guard could not resolve${ctx.cwd !== undefined ? ` (it resolved \`${ctx.cwd.slice(0, 120)}\`)` : ""}, so where remote \`${f.name}\` goes cannot be verified; run git from a directory named plainly, or name the URL` }];
    }
  }
  // INVARIANT: a bare push or fetch is checked against every remote the branch configuration could pick.
  const names = f.implicit === true ? [...new Set([f.name, ...(table.defaults ?? [])])] : [f.name];
  const out: TShellFinding[] = [];
  for (const name of names) {
    const fetchUrl = table.remotes?.[name];
    const urls = f.write ? (table.pushRemotes?.[name] ?? (fetchUrl !== undefined ? [fetchUrl] : [])) : fetchUrl !== undefined ? [fetchUrl] : [];
    for (const url of urls) out.push(...remoteUrlFindings({ ...f, name }, url));
  }
  return out;
}

function remoteUrlFindings(f: Extract<TShellFinding, { type: "remote" }>, url: string): TShellFinding[] {
  if (url === "") return [];
  const out: TShellFinding[] = [];
  const purpose = f.write ? "git-write" : "git-read";
  const r = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? parseUrlDestination(url) : /^(?:[^@/]+@)?[^:/]+:/.test(url) ? parseHostPort(url.slice(0, url.indexOf(":")), { scheme: "ssh", defaultPort: 22 }) : undefined;
  if (r?.ok) out.push({ type: "host", dest: r.dest, via: f.via, purpose });
  else if (r && !r.ok && r.why !== "local") out.push({ type: "unknown", via: f.via, detail: `remote \`${f.name}\` (${url}) has no verifiable host` });
  const o = f.write ? githubOwnerOf(url) : undefined;
  if (o) out.push({ type: "owner", owner: o.owner, host: o.host, via: f.via });
  return out;
}

function findingDecision(f: TShellFinding, p: TCompiledPolicy): TDecision | undefined {
  switch (f.type) {
    case "host": {
      if (f.purpose === "network" && !p.shellNetworkAllowed && !hostSetMatches(p.deny, f.dest)) return denyDecision({ rule: "shell.network", reason: `network commands are disabled by policy (\`${f.via}\`)` });
      if (f.purpose === "registry") return checkDestination(f.dest, p, { rule: "shell.registry", what: "package manager registry", allowSets: [p.registries] });
      if (f.purpose === "publish") {
        return checkDestination(f.dest, p, {
          rule: "shell.publish",
          what: `publishing (\`${f.via.slice(0, 80)}\`)`,
          allowSets: [p.publish],
          onlySets: true,
          notAllowed: "is not allowed: packages and images may only be published to the registries in the policy's shell.publish list, which your security team maintains (name the registry with --registry if the package publishes elsewhere)",
        });
      }
      if (f.purpose === "git-read") return p.gitReadsAnyHost ? checkDestination(f.dest, p, { rule: "shell.network", what: "git read", allowSets: [{ exact: new Set([f.dest.host]), exactPort: new Set(), suffix: new Set(), suffixPort: new Set(), size: 1 }] }) : checkDestination(f.dest, p, { rule: "shell.network", what: "git read", allowSets: [p.gitWriteHosts] });
      if (f.purpose === "git-write" || f.purpose === "gh-write") return checkDestination(f.dest, p, { rule: "shell.git_write", what: "git/gh write", allowSets: p.gitWriteHosts ? [p.gitWriteHosts] : [], onlySets: p.gitWriteHosts !== undefined });
      return checkDestination(f.dest, p, { rule: "shell.network", what: `\`${f.via.slice(0, 80)}\`` });
    }
    case "unknown":
      return denyDecision({ rule: "destination.unknown", reason: `the destination cannot be determined: ${f.detail} (\`${f.via.slice(0, 120)}\`)` });
    case "owner":
      if (p.gitWriteOwners !== undefined && !p.gitWriteOwners.has(f.owner)) return denyDecision({ rule: "shell.git_write", reason: `git/gh write to GitHub owner \`${f.owner}\` is not allowed (allowed: ${[...p.gitWriteOwners].join(", ") || "none"})`, destination: `github.com/${f.owner}`, requestable: true });
      return undefined;
    case "public":
      return p.denyPublicRepos ? denyDecision({ rule: "git.public_repo", reason: `${f.detail}: its code and history become readable by anyone; keep it private or internal (shell.git.denyPublicRepos)` }) : undefined;
    case "merge":
      return p.denyServerSideMerge ? denyDecision({ rule: "shell.git_merge", reason: `${f.detail}, bypassing branch protection; merge in the web UI instead` }) : undefined;
    case "forge-api-write":
      return hostSetMatches(p.forgeApiHosts, f.dest) ? denyDecision({ rule: "shell.forge_api_write", reason: `raw curl/wget writes to \`${f.dest.host}\` are not allowed; use \`gh\`, which is owner-scoped` }) : undefined;
    case "pipe-interpreter":
      return p.pipeToInterpreterDenied ? denyDecision({ rule: "shell.pipe_to_interpreter", reason: `downloaded content is executed by \`${f.interpreter}\`; download to a file, inspect it, then run it` }) : undefined;
    case "persistence":
      return denyDecision({ rule: "files.persistence", reason: persistenceReason(f.path, f.kind) });
    case "download-exec":
      return p.downloadExecDenied ? denyDecision({ rule: "shell.download_exec", reason: `\`${f.path}\` is downloaded and then executed; inspect it before running it` }) : undefined;
    default:
      return undefined;
  }
}

const PS_NETWORK = /\b(invoke-webrequest|invoke-restmethod|iwr|irm|curl|wget|start-bitstransfer|net\.webclient|downloadstring|downloadfile|system\.net\.|test-netconnection|tnc|resolve-dnsname|new-object\s+net\.sockets|ssh|scp|start-process\s+['"]?https?:)/i;

/** PowerShell: URLs in the text are destinations; network cmdlets without a URL are unknown. */
export function powershellFindings(command: string): TShellFinding[] {
  const out: TShellFinding[] = [];
  const urls = command.match(/[a-z][a-z0-9+.-]*:\/\/[^\s'"`)]+/gi) ?? [];
  for (const u of urls) {
    const r = parseUrlDestination(u);
    if (r.ok) out.push({ type: "host", dest: r.dest, via: command.slice(0, 200), purpose: "network" });
    else if (r.why !== "local") out.push({ type: "unknown", via: command.slice(0, 200), detail: `\`${u}\` has no verifiable host` });
  }
  if (PS_NETWORK.test(command) && urls.length === 0) out.push({ type: "unknown", via: command.slice(0, 200), detail: "PowerShell network command without a literal URL" });
  if (/\|\s*(iex|invoke-expression)\b/i.test(command) && PS_NETWORK.test(command)) out.push({ type: "pipe-interpreter", via: command.slice(0, 200), interpreter: "Invoke-Expression" });
  // Tamper and credential reads: the same path checks as for POSIX shells, over PowerShell's words.
  const via = command.slice(0, 200);
  const words = command.split(/[\s;|(),]+/).map((w) => w.replace(/^['"]|['"]$/g, "").replace(/^\$(env:)?HOME\b/i, "~").replace(/\\/g, "/")).filter((w) => w !== "");
  if (KILL_SWITCH.test(command)) out.push({ type: "tamper", via, detail: "touches a hook kill switch" });
  if (PS_WRITE.test(command)) {
    const hit = words.find((w) => PROTECTED_PATH.test(w) || /^~\/\.(claude|codex|gemini|cursor|copilot)$/i.test(w));
    if (hit !== undefined) out.push({ type: "tamper", via, detail: `changes \`${hit.slice(0, 120)}\`` });
  }
  if (PS_WRITE.test(command)) {
    const hit = words.find((w) => persistenceKind(w) !== undefined || /^\$profile(\.|$)/i.test(w));
    if (hit !== undefined) out.push({ type: "persistence", via, path: hit, kind: persistenceKind(hit) ?? "shell-startup" });
  }
  if (PS_READ.test(command)) {
    const hit = words.find((w) => isSensitivePath(w));
    if (hit !== undefined) out.push({ type: "sensitive", via, path: hit });
  }
  return out;
}

const PS_WRITE = /\b(set-content|add-content|out-file|remove-item|move-item|copy-item|new-item|rename-item|clear-content|sc|ac|ni|ri|mi|cpi|rni|del|erase|rm|rmdir|rd|mv|cp|move|copy)\b|>/i;
const PS_READ = /\b(get-content|gc|cat|type|select-string|sls|import-csv|import-clixml|more|get-item|gi|copy-item|cpi|cp|copy)\b/i;
