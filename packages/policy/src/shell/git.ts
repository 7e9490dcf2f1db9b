/** git and gh: reads vs writes, destinations, GitHub owners, server-side merges. */
import { parseUrlDestination } from "../hosts/normalize.js";
import type { TShellFinding } from "./findings.js";
import { addHost, addUrl, type TCmdInput } from "./net-commands.js";
import { hasScheme, splitOptions } from "./words.js";

const GIT_GLOBAL_VALUE = new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--config-env", "--super-prefix", "--list-cmds", "--attr-source"]);
const GIT_READ_NET = new Set(["clone", "fetch", "pull", "ls-remote", "archive"]);
const DANGEROUS_GIT_CONFIG = /^(http\.|https\.|url\.|core\.sshcommand|core\.gitproxy|remote\..*\.(url|pushurl|proxy|uploadpack|receivepack)|credential\.|protocol\.|uploadpack|receivepack|alias\.|core\.(fsmonitor|pager|editor|hookspath|askpass|alternaterefscommand)|pager\.|include\.path|includeif\.|diff\.external|diff\..+\.(command|textconv)|difftool\..+\.cmd|mergetool\..+\.cmd|merge\..+\.driver|filter\..+\.(clean|smudge|process)|sequence\.editor|gpg\.(.+\.)?program|init\.templatedir)/i;
// Keys whose value is a command git runs (`alias.x=!cmd`, pagers, editors, fsmonitor, ssh): analyzed as shell.
const COMMAND_GIT_CONFIG = /^(core\.sshcommand|core\.gitproxy|alias\..+|core\.(fsmonitor|pager|editor|askpass|alternaterefscommand)|pager\..+|sequence\.editor|diff\.external|diff\..+\.(command|textconv)|difftool\..+\.cmd|mergetool\..+\.cmd|merge\..+\.driver|filter\..+\.(clean|smudge|process)|gpg\.(.+\.)?program|credential\.(.+\.)?helper)$/i;

/** A `-c key=value` (or `--config key=value`) setting: commands are analyzed, redirections are unknown. */
function checkConfigSetting(inp: TCmdInput, setting: string): void {
  if (!DANGEROUS_GIT_CONFIG.test(setting)) return;
  const key = setting.split("=")[0] ?? "";
  const value = setting.includes("=") ? setting.slice(setting.indexOf("=") + 1) : "";
  configValue(inp, key, value, `-c ${key}`);
}

/** A dangerous key set to `value`: a command it names is analyzed, a git alias without `!` is git itself, the rest is unknown. */
function configValue(inp: TCmdInput, key: string, value: string, what: string): void {
  if (/^alias\./i.test(key) && !value.startsWith("!")) return;
  if (/^credential\.(.+\.)?helper$/i.test(key) && /^(store|cache|osxkeychain|manager|manager-core|libsecret|wincred)(\s|$)/.test(value)) return;
  if (COMMAND_GIT_CONFIG.test(key)) {
    if (value !== "") inp.nested(value.replace(/^!/, ""));
    return;
  }
  inp.out.push({ type: "unknown", via: inp.via, detail: `git \`${what}\` changes where git connects or what it runs` });
}

/** Owner of a GitHub URL or scp spec (`github.com/<owner>`, `git@github.com:<owner>/…`). */
export function githubOwnerOf(spec: string): { owner: string; host: string } | undefined {
  let host: string | undefined;
  let path: string | undefined;
  if (hasScheme(spec)) {
    const r = parseUrlDestination(spec);
    if (!r.ok) return undefined;
    host = r.dest.host;
    path = spec.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  } else {
    const m = /^(?:[^@/]+@)?([^:/]+):\/?(.*)$/.exec(spec);
    if (!m) return undefined;
    host = (m[1] ?? "").toLowerCase().replace(/\.$/, "");
    path = `/${m[2] ?? ""}`;
  }
  if (host !== "github.com" && host !== "www.github.com" && host !== "api.github.com") return undefined;
  // Dot segments are resolved before the request is sent: `acme/../evilorg/x` is evilorg's
  const segs: string[] = [];
  for (const seg of (path ?? "").split(/[?#]/)[0]?.split("/") ?? []) {
    const d = seg.replace(/%2e/gi, ".");
    if (d === "" || d === ".") continue;
    if (d === "..") segs.pop();
    else segs.push(seg);
  }
  const owner = host === "api.github.com" && segs[0] === "repos" ? segs[1] : segs[0];
  return owner ? { owner: decodeURIComponent(owner).toLowerCase(), host } : undefined;
}

/** True for a git destination written as URL or scp form (not a remote name, path or refspec). */
function isGitUrl(spec: string): boolean {
  return hasScheme(spec) || /^[^@/:]+@[^:/]+:/.test(spec) || /^(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)+):/i.test(spec) || /^[a-z][a-z0-9+.-]*::/i.test(spec);
}

function gitDestination(inp: TCmdInput, spec: string, purpose: "git-read" | "git-write"): void {
  // `<transport>::<address>` runs a remote helper (`ext::` runs any command)
  if (/^[a-z][a-z0-9+.-]*::/i.test(spec)) {
    inp.out.push({ type: "unknown", via: inp.via, detail: `git remote helper \`${spec.slice(0, spec.indexOf("::"))}::\` reaches a destination that cannot be checked` });
    return;
  }
  if (hasScheme(spec)) {
    if (/^file:/i.test(spec)) return;
    addUrl(inp, spec, purpose);
  } else {
    const m = /^(?:[^@/]+@)?([^:/]+):/.exec(spec);
    if (m) addHost(inp, spec.slice(0, spec.indexOf(":")), { scheme: "ssh", port: 22, purpose });
  }
  if (purpose === "git-write") {
    const o = githubOwnerOf(spec);
    if (o) inp.out.push({ type: "owner", owner: o.owner, host: "github.com", via: inp.via });
  }
}

/** A remote the CLI resolves, with the directory git runs in when the command moved it. */
function remoteFinding(inp: TCmdInput, name: string, write: boolean, implicit = false): TShellFinding {
  return { type: "remote", name, via: inp.via, write, ...(implicit ? { implicit } : {}), ...(inp.cwd !== undefined ? { dir: inp.cwd } : {}) };
}

/** git: `push` / `remote add|set-url` are writes; clone/fetch/pull/ls-remote are reads. */
export function analyzeGit(inp: TCmdInput): void {
  const args = inp.args;
  for (const [k, v] of inp.env) {
    if (k === "GIT_SSH_COMMAND" || k === "GIT_EXTERNAL_DIFF" || k === "GIT_PAGER" || k === "PAGER" || k === "GIT_EDITOR" || k === "GIT_SEQUENCE_EDITOR" || k === "GIT_ASKPASS" || k === "EDITOR" || k === "VISUAL") inp.nested(v);
    else if (k === "GIT_ALLOW_PROTOCOL" || k === "GIT_PROTOCOL_FROM_USER") inp.out.push({ type: "unknown", via: inp.via, detail: `\`${k}\` enables git transports that run commands` });
    else if (k === "GIT_SSH" || k === "GIT_PROXY_COMMAND" || k === "GIT_EXEC_PATH" || (k.startsWith("GIT_CONFIG") && k !== "GIT_CONFIG_NOSYSTEM")) inp.out.push({ type: "unknown", via: inp.via, detail: `\`${k}\` changes how git reaches the network` });
  }
  // Where git runs: the directory the command changed into, then each `-C`; `--git-dir` / GIT_DIR name the repository itself
  let dir = inp.cwd;
  const gitDirEnv = inp.env.get("GIT_DIR");
  let gitDir = gitDirEnv !== undefined && gitDirEnv !== "" ? gitDirEnv : undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a.startsWith("--git-dir=")) {
      gitDir = a.slice(10);
      continue;
    }
    if (GIT_GLOBAL_VALUE.has(a)) {
      const v = args[++i] ?? "";
      if (a === "-C" && v !== "") dir = /^[/~$]/.test(v) || dir === undefined ? v : `${dir}/${v}`;
      else if (a === "--git-dir") gitDir = v;
      if (a === "-c") checkConfigSetting(inp, v);
      // `--config-env key=VAR`: the value comes from the environment
      else if (a === "--config-env" && DANGEROUS_GIT_CONFIG.test(v)) inp.out.push({ type: "unknown", via: inp.via, detail: `git \`--config-env ${v.split("=")[0] ?? ""}\` takes a setting from the environment` });
      continue;
    }
    if (a.startsWith("-c") && a.length > 2 && !a.startsWith("--")) {
      checkConfigSetting(inp, a.slice(2));
      continue;
    }
    if (a.startsWith("--config-env=")) {
      if (DANGEROUS_GIT_CONFIG.test(a.slice(13))) inp.out.push({ type: "unknown", via: inp.via, detail: "git `--config-env` takes a setting from the environment" });
      continue;
    }
    if (a.startsWith("-")) continue;
    break;
  }
  // A relative --git-dir / GIT_DIR is relative to where git runs (after `cd` and `-C`)
  if (gitDir !== undefined) dir = /^[/~$]/.test(gitDir) || dir === undefined ? gitDir : `${dir}/${gitDir}`;
  if (dir !== inp.cwd) inp = { ...inp, cwd: dir };
  const sub = args[i] ?? "";
  const rest = args.slice(i + 1);
  const { operands } = splitOptions(rest, new Set(["-o", "--origin", "-b", "--branch", "--depth", "--reference", "--separate-git-dir", "-c", "--config", "--upload-pack", "-u", "--receive-pack", "--exec", "--repo", "--push-option", "-j", "--jobs", "--filter", "--shallow-since", "--shallow-exclude", "--template", "--server-option", "--recurse-submodules", "--signed", "--force-with-lease", "--remote", "--prefix", "--format", "--output"]));
  // Settings given to the subcommand (`git clone -c k=v`, `--config k=v`) apply like global ones.
  for (let k = 0; k < rest.length; k++) {
    const r = rest[k] ?? "";
    if ((r === "-c" || r === "--config") && (sub === "clone" || sub === "submodule")) checkConfigSetting(inp, rest[k + 1] ?? "");
    else if (r.startsWith("--config=")) checkConfigSetting(inp, r.slice(9));
    else if (/^--(repo|remote)=/.test(r)) {
      const v = r.slice(r.indexOf("=") + 1);
      if (isGitUrl(v)) gitDestination(inp, v, sub === "push" ? "git-write" : "git-read");
      else if (v !== "" && !v.startsWith("/") && !v.startsWith(".")) inp.out.push(remoteFinding(inp, v, sub === "push"));
    } else if ((r === "--repo" || r === "--remote") && rest[k + 1] !== undefined) {
      const v = rest[k + 1] ?? "";
      if (isGitUrl(v)) gitDestination(inp, v, sub === "push" ? "git-write" : "git-read");
    }
  }
  // A template directory's hooks are copied into the new repository and run on its next commit.
  if (sub === "clone" || sub === "init") {
    const template = rest.flatMap((r, k) => (r === "--template" ? [rest[k + 1] ?? ""] : r.startsWith("--template=") ? [r.slice(11)] : []))[0];
    if (template !== undefined) inp.out.push({ type: "persistence", via: inp.via, path: `${template}/hooks (git --template)`, kind: "git-hook" });
  }
  if (sub === "subtree" || sub === "send-pack" || sub === "http-push" || sub === "fetch-pack" || sub === "http-fetch") {
    const urls = operands.filter(isGitUrl);
    for (const u of urls) gitDestination(inp, u, sub === "fetch-pack" || sub === "http-fetch" ? "git-read" : "git-write");
    const remote = sub === "subtree" ? operands.find((o, k) => k > 0 && !isGitUrl(o) && /^(push|pull|add|merge)$/.test(operands[0] ?? "") && k === 1) : undefined;
    if (remote !== undefined) inp.out.push(remoteFinding(inp, remote, operands[0] === "push"));
    if (urls.length === 0 && remote === undefined && (sub !== "subtree" || /^(push|pull|add)$/.test(operands[0] ?? ""))) inp.out.push({ type: "unknown", via: inp.via, detail: `git ${sub} reaches a destination that cannot be verified` });
    return;
  }
  if (sub === "push") {
    const dest = operands[0];
    if (dest === undefined) inp.out.push(remoteFinding(inp, "origin", true, true));
    else if (isGitUrl(dest)) gitDestination(inp, dest, "git-write");
    else if (!dest.startsWith("/") && !dest.startsWith(".")) inp.out.push(remoteFinding(inp, dest, true));
    if (rest.some((r) => /^--(receive-pack|exec)/.test(r))) inp.out.push({ type: "unknown", via: inp.via, detail: "git push with a custom receive-pack" });
  } else if (sub === "remote") {
    const verb = operands[0];
    if (verb === "add" || verb === "set-url") for (const op of operands.slice(1)) if (isGitUrl(op)) gitDestination(inp, op, "git-write");
  } else if (sub === "submodule") {
    for (const op of operands) if (isGitUrl(op)) gitDestination(inp, op, "git-read");
  } else if (GIT_READ_NET.has(sub)) {
    const urls = operands.filter(isGitUrl);
    for (const u of urls) gitDestination(inp, u, "git-read");
    if (urls.length === 0 && sub !== "clone") inp.out.push(operands[0] === undefined ? remoteFinding(inp, "origin", false, true) : remoteFinding(inp, operands[0], false));
    if (rest.some((r) => /^--upload-pack|^-u$/.test(r))) inp.out.push({ type: "unknown", via: inp.via, detail: "git with a custom upload-pack" });
  } else if (sub === "send-email" || sub === "request-pull" || sub === "svn" || sub === "p4" || sub === "lfs" || sub === "imap-send") {
    inp.out.push({ type: "unknown", via: inp.via, detail: `git ${sub} sends data to a destination that cannot be verified` });
  } else if (sub === "config") {
    const cfg = splitOptions(rest, new Set(["-f", "--file", "--blob", "--type", "--default", "--comment", "--value", "--url"])).operands;
    // `git config set <key> <value>` (git 2.46+) reads like `git config <key> <value>`
    if (/^(set|add|replace-all)$/.test(cfg[0] ?? "") && cfg.length > 2) cfg.shift();
    operands.splice(0, operands.length, ...cfg);
    const key = operands[0] ?? "";
    if (/^url\./i.test(key) && operands.length > 1) inp.out.push({ type: "unknown", via: inp.via, detail: `git config \`${key}\` rewrites remote URLs` });
    else if (DANGEROUS_GIT_CONFIG.test(key) && operands.length > 1) {
      const v = operands[1] ?? "";
      if (isGitUrl(v)) gitDestination(inp, v, "git-write");
      else configValue(inp, key, v, `config ${key}`);
    }
  }
}

const GH_READ_SUBS = new Set(["search", "browse", "status", "auth", "config", "alias", "extension", "help", "version", "completion", "--version", "--help"]);
const GH_READ_VERBS = new Set(["view", "list", "clone", "status", "diff", "checkout", "download", "browse", "search", "ls", "get", "cat", "read", "show", "watch", "checks"]);
const GH_VALUE = new Set(["-R", "--repo", "-t", "--title", "-b", "--body", "-F", "--body-file", "-H", "--head", "-B", "--base", "-a", "--assignee", "-l", "--label", "-m", "--milestone", "-p", "--project", "-r", "--reviewer", "-X", "--method", "-f", "--raw-field", "--field", "--header", "--hostname", "--input", "-q", "--jq", "--template", "-n", "--notes", "--notes-file", "--target", "-d", "--description", "-c", "--clone", "--homepage", "--team", "-g", "--gitignore", "--license", "--source", "--remote", "-s", "--state", "-L", "--limit", "--json", "-w", "--web", "-e", "--env", "-o", "--org", "--cache", "--preview", "--visibility", "--remote-name", "--fork-name", "--match-head-commit", "--subject", "-A", "--author", "-S", "--search", "--discussion-category", "--branch", "--ref"]);

/** gh: reads (view/list/api GET) need no owner scope; writes are owner- and host-scoped. */
/** What makes a gh write create or expose a public repository or gist, if anything */
function ghPublicRepo(sub: string, verb: string, options: { flag: string; value?: string }[]): string | undefined {
  if (sub === "repo" && verb === "create" && options.some((o) => o.flag === "--public")) return "`gh repo create --public` creates a public repository";
  if (sub === "repo" && verb === "edit" && options.some((o) => o.flag === "--visibility" && /^public$/i.test(o.value ?? ""))) return "`gh repo edit --visibility public` makes the repository public";
  if (sub === "gist" && verb === "create" && options.some((o) => o.flag === "--public" || o.flag === "-p")) return "`gh gist create --public` publishes a public gist";
  if (sub === "api" && options.some((o) => ["-f", "-F", "--field", "--raw-field"].includes(o.flag) && /^(visibility=public|private=false)$/i.test((o.value ?? "").replace(/\s+/g, "")))) return "`gh api` sets a repository's visibility to public";

  return undefined;
}

export function analyzeGh(inp: TCmdInput): void {
  const { operands, options } = splitOptions(inp.args, GH_VALUE);
  const sub = operands[0] ?? "";
  const verb = operands[1] ?? "";
  const ghHost = options.find((o) => o.flag === "--hostname")?.value ?? inp.env.get("GH_HOST") ?? "github.com";
  let write: boolean;
  if (sub === "" || GH_READ_SUBS.has(sub)) write = false;
  else if (sub === "api") {
    const method = options.find((o) => o.flag === "-X" || o.flag === "--method")?.value;
    write = (method !== undefined && !/^(get|head)$/i.test(method)) || options.some((o) => ["-f", "-F", "--field", "--raw-field", "--input"].includes(o.flag));
  } else write = !GH_READ_VERBS.has(verb);
  if (!write) {
    if (sub !== "" && !GH_READ_SUBS.has(sub)) addHost(inp, ghHost, { scheme: "https", port: 443, purpose: "git-read" });
    return;
  }
  const endpoint = sub === "api" ? operands.slice(1).find((o) => o.includes("/")) ?? "" : "";
  if (sub === "pr" && verb === "merge") inp.out.push({ type: "merge", via: inp.via, detail: "`gh pr merge` merges server-side into the base branch" });
  if (sub === "api" && /pulls\/[^/]+\/merge\/?$/.test(endpoint)) inp.out.push({ type: "merge", via: inp.via, detail: `\`gh api ${endpoint}\` merges a pull request server-side` });
  if (sub === "api" && /\/merges\/?$/.test(endpoint) && options.some((o) => /^base=(main|master)$/i.test(o.value ?? ""))) inp.out.push({ type: "merge", via: inp.via, detail: `\`gh api ${endpoint}\` merges into a protected branch` });
  addHost(inp, ghHost, { scheme: "https", port: 443, purpose: "git-write" });
  const owners: string[] = [];
  const ownerOfSpec = (spec: string): void => {
    const gh = githubOwnerOf(spec);
    if (gh) owners.push(gh.owner);
    else {
      const s = spec.replace(/^\/+/, "").replace(/^repos\//, "");
      const o = s.split("/")[0] ?? "";
      if (o !== "" && !o.startsWith("-") && s.includes("/")) owners.push(o.toLowerCase());
    }
  };
  for (const o of options) if ((o.flag === "-R" || o.flag === "--repo") && o.value) ownerOfSpec(o.value);
  const envRepo = inp.env.get("GH_REPO");
  if (envRepo) ownerOfSpec(envRepo);
  for (const op of operands.slice(1)) {
    if (/github\.com[/:]/i.test(op)) ownerOfSpec(op);
    else if (/^\/?repos\//.test(op)) ownerOfSpec(op);
    else if (sub === "api" && /^\/?orgs\/[^/]+/.test(op)) owners.push((op.replace(/^\/+/, "").split("/")[1] ?? "").toLowerCase());
    else if (sub === "repo" && op.includes("/") && op !== verb) ownerOfSpec(op);
  }
  if (sub === "repo") for (const o of options) if (o.flag === "--template" && o.value?.includes("/")) ownerOfSpec(o.value);
  // The owner a repository is created or forked into: `org/name`, `--org X`, else the authenticated user.
  if (sub === "repo" && verb === "create" && !operands.slice(2).some((op) => op.includes("/"))) owners.push("(authenticated user)");
  if (sub === "repo" && verb === "fork") {
    const org = options.find((o) => o.flag === "--org")?.value;
    owners.push(org !== undefined && org !== "" ? org.toLowerCase() : "(authenticated user)");
  }
  if (owners.length === 0 && sub !== "repo" && sub !== "gist" && sub !== "api") inp.out.push(remoteFinding(inp, "origin", true));
  if (owners.length === 0 && (sub === "gist" || sub === "api")) inp.out.push({ type: "owner", owner: "(authenticated user)", host: "github.com", via: inp.via });
  for (const owner of owners) inp.out.push({ type: "owner", owner, host: "github.com", via: inp.via });
  // (after the owners: a write outside the allowed owners is reported as that first)
  const publicDetail = ghPublicRepo(sub, verb, options);
  if (publicDetail !== undefined) inp.out.push({ type: "public", via: inp.via, detail: publicDetail });
}
