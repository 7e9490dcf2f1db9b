/**
 * Tamper protection (the guard's own hooks, state and kill switches) and sensitive-file
 * detection, over shell words and payload strings.
 */
import type { TShellFinding } from "./findings.js";
import { commandName } from "./words.js";

/** Paths of agent hook configuration, the guard's policy and state (lower-case input). */
const PROTECTED_PATH_RE = /(^|[/\\~]|\$home|\$\{home\})(\.claude\/(settings(\.local)?\.json|hooks\b|agents\b|mcp-gate-policy\.json|\.tokens|skills\/[^/]*\/skill\.md)|\.claude\.json|managed-settings(\.d)?\b|claude-?code\/managed|\.codex\/(hooks(\.json)?|config\.toml|requirements\.toml|data\/hooks)|hooks\/disabled\.json|codex\/requirements\.toml|\.gemini\/settings\.json|gemini-cli\/(settings|system-defaults)\.json|geminicli\/(settings|system-defaults)\.json|\.cursor\/hooks\.json|cursor\/hooks\.json|\.github\/hooks\b|\.copilot\/(hooks|settings|config)|\.github\/copilot\/settings|egress-sync(\/|$)|mcp-gate-policy\.json|\.windsurf\/hooks\.json|\.codeium\/windsurf\/hooks\.json)/;
const PROTECTED_HINTS = [".claude", "managed-settings", "claude-code", "claudecode", ".codex", "codex/", ".gemini", "gemini-cli", "geminicli", "cursor", ".github/hooks", ".copilot", "copilot/settings", "egress-sync", "mcp-gate-policy", "windsurf"];

/**
 * True when `s` names agent hook configuration, the guard's policy or state. Case-insensitive
 * (macOS file systems are); a substring pre-filter keeps the common case free of regex work.
 */
export const PROTECTED_PATH = {
  test(s: string): boolean {
    // `a//b` and `a/./b` name the same file as `a/b` (the file system, not the string, decides)
    const lower = s.toLowerCase().replace(/\/(?:\.?\/)+/g, "/");
    return PROTECTED_HINTS.some((h) => lower.includes(h)) && PROTECTED_PATH_RE.test(lower);
  },
};

/** Hook kill switches and trust bypasses. */
const KILL_SWITCH_RE = /\b(CODEX_HOOKS_DISABLE\w*|disableAllHooks|CLAUDE_CODE_DISABLE_HOOKS|GEMINI_CLI_DISABLE_HOOKS|EGRESS_SYNC_DISABLE\w*|EGRESS_SYNC_HOME|dangerously-bypass-hook-trust|allowManagedHooksOnly|allow_managed_hooks_only|hooksConfig|failClosed"?\s*:\s*false|onFailure"?\s*:\s*"?allow|(features\.)?(codex_)?hooks\s*=\s*false)\b/i;
const KILL_HINTS = ["hook", "egress_sync", "managed", "failclosed", "onfailure"];

/** True when `s` touches a hook kill switch or trust bypass (pre-filtered, then matched). */
export const KILL_SWITCH = {
  test(s: string): boolean {
    const lower = s.toLowerCase();
    return KILL_HINTS.some((h) => lower.includes(h)) && KILL_SWITCH_RE.test(s);
  },
};

const SEARCHERS = new Set(["grep", "egrep", "fgrep", "rg", "ag", "ack", "git-grep"]);
// git subcommands that read or stage files and never change them in the work tree.
const GIT_READ_ONLY = /^(add|diff|log|show|status|blame|ls-files|grep|commit|shortlog|whatchanged|annotate|cat-file|ls-tree)$/;
const AGENT_CLIS = new Set(["claude", "codex", "gemini", "cursor-agent", "copilot", "opencode", "aider", "goose", "amp"]);
const AGENT_CONFIG_ENV = new Set(["CLAUDE_CONFIG_DIR", "CODEX_HOME", "GEMINI_CLI_HOME", "GEMINI_DIR", "XDG_CONFIG_HOME", "COPILOT_HOME", "CURSOR_CONFIG_DIR", "HOME"]);
const AGENT_BYPASS_FLAG = /^(--dangerously-skip-permissions|--dangerously-bypass-approvals-and-sandbox|--yolo|--setting-sources(=.*)?|--settings(=.*)?|--disable(=codex_hooks)?|codex_hooks|--no-hooks|--allow-all-tools|--config-dir(=.*)?)$/;
const DESTRUCTIVE = new Set(["rm", "rmdir", "mv", "unlink", "shred", "chmod", "chown", "chgrp", "chattr", "ln", "truncate", "srm", "trash", "trash-put", "gio"]);
// Directories that hold agent hook configuration or the guard's state (and their parents).
const PROTECTED_DIR = /(^|[/~]|\$home|\$\{home\})(\.claude|\.codex|\.gemini|\.cursor|\.copilot|\.github|\.github\/hooks|\.config\/egress-sync|\.egress-sync|egress-sync|\.windsurf|\.codeium)$|^(~|\$home|\$\{home\}|\/home\/[^/]+|\/users\/[^/]+|\/root)(\/\.config)?$/;
// Names protected paths are made of, for globs (`~/.cl?ude/settings.json`).
const PROTECTED_SEGMENTS = [".claude", ".codex", ".gemini", ".cursor", ".copilot", ".github", ".config", "egress-sync", ".egress-sync", "settings.json", "settings.local.json", "hooks.json", "hooks", "config.toml", "requirements.toml", "managed-settings.json", "hook-cache.json", "snapshot.json", "root.json", "config.json", "last-seen.json", "mcp-gate-policy.json", ".claude.json"];

/** True when a glob could name a protected path: each globbed segment is tried as the protected names it matches. */
// Parents that may hold agent or guard configuration under any name (/etc/claude-code, Application Support/ClaudeCode …)
const AGENT_DIR_HINT = /claude|codex|gemini|cursor|copilot|egress|windsurf|codeium|github|managed|application support|programdata|\/etc(\/|$)/;
// Directories whose children include hook configuration or the guard's state by name alone
const HOME_LIKE_PARENT = /^(~|\$home|\$\{home\}|\/home\/[^/]+|\/users\/[^/]+|\/root)$|(^|\/)\.config$/i;

function globMayBeProtected(p: string): boolean {
  if (!/[*?[]/.test(p)) return false;
  const segments = p.split("/");
  const firstGlob = segments.findIndex((seg) => /[*?[]/.test(seg));
  const parent = segments.slice(0, firstGlob).join("/").replace(/\/+$/, "");
  // Under a named directory that is not the home directory or ~/.config (`dist/*`, `/tmp/x/*`), a
  // glob matches what shells match: `*` skips dot files, and a bare `egress-sync` there is not the
  // guard's state. A bare glob (`*`, current directory unknown) stays as strict as before.
  const lowerParent = parent.toLowerCase();
  const namedParent = parent !== "" && !parent.split("/").includes("..") && !HOME_LIKE_PARENT.test(parent) && !PROTECTED_DIR.test(lowerParent) && !AGENT_DIR_HINT.test(lowerParent) && !lowerParent.split("/").some((seg) => seg.startsWith(".") && PROTECTED_SEGMENTS.includes(seg));
  // There, a glob made only of wildcards (`dist/*`, `tmp/??`) names whatever the directory holds:
  // nothing of the guard's unless it is one of its directories, which the checks above rule out
  if (namedParent && firstGlob === segments.length - 1 && /^[*?]+$|^\[[^\]]*\]$/.test(segments[firstGlob] ?? "")) return false;
  const options = segments.map((seg, k) => {
    if (!/[*?[]/.test(seg)) return [seg];
    const re = new RegExp(`^${shellGlobSource(seg)}$`, "i");
    const names = PROTECTED_SEGMENTS.filter((n) => re.test(n) && !(namedParent && k === firstGlob && ((n.startsWith(".") && !seg.startsWith(".")) || n === "egress-sync")));
    return names.length > 0 ? names : [seg];
  });
  // Every combination, bounded (a path has few globbed segments).
  let candidates = [""];
  for (const [k, opts] of options.entries()) {
    candidates = candidates.flatMap((c) => opts.map((o) => (k === 0 ? o : `${c}/${o}`))).slice(0, 256);
  }
  return candidates.some((c) => PROTECTED_PATH.test(c) || PROTECTED_DIR.test(c.toLowerCase()));
}

const READERS = new Set(["cat", "less", "more", "head", "tail", "grep", "egrep", "fgrep", "rg", "ag", "ls", "stat", "wc", "diff", "file", "bat", "jq", "yq", "view", "find", "tree", "md5sum", "sha256sum", "shasum", "test", "[", "[[", "realpath", "readlink", "dirname", "basename", "du", "which", "type", "echo", "printf"]);

/** Tamper findings for one simple command. */
export function tamperInCommand(words: string[], env: Map<string, string>, redirects: { op: string; target: string }[], extra: readonly string[] = []): TShellFinding[] {
  const out: TShellFinding[] = [];
  const via = words.join(" ").slice(0, 200);
  const name = commandName(words[0] ?? "");
  for (const k of env.keys()) if (KILL_SWITCH.test(k)) out.push({ type: "tamper", via, detail: `sets the hook kill switch \`${k}\`` });
  // Searching for or committing text that names a kill switch does not set it.
  const mentionsOnly = SEARCHERS.has(name) || (name === "git" && GIT_READ_ONLY.test(words.find((w, k) => k > 0 && !w.startsWith("-")) ?? ""));
  if (!mentionsOnly) for (const w of words) if (KILL_SWITCH.test(w)) out.push({ type: "tamper", via, detail: `touches the hook kill switch in \`${w.slice(0, 80)}\`` });
  const isProtected = (p: string): boolean => PROTECTED_PATH.test(p) || extra.some((e) => e !== "" && p.includes(e)) || globMayBeProtected(p);
  for (const r of redirects) if (/>/.test(r.op) && isProtected(r.target)) out.push({ type: "tamper", via, detail: `writes to \`${r.target}\`` });
  if (name === "egress-sync" && words.slice(1).some((w) => /^(uninstall|disable|reset)$/.test(w))) out.push({ type: "tamper", via, detail: "uninstalls or disables the egress guard" });
  if (["npm", "pnpm", "yarn", "brew", "pip", "pipx", "bun"].includes(name) && words.some((w) => /^(un|uninstall|rm|remove|r|unlink)$/.test(w)) && words.some((w) => /egress-sync|@egress\//.test(w))) out.push({ type: "tamper", via, detail: "uninstalls the egress guard" });
  if (["kill", "pkill", "killall"].includes(name) && words.some((w) => /egress-sync/.test(w))) out.push({ type: "tamper", via, detail: "stops the egress guard" });
  // Another agent started without this machine's hook configuration (or with hooks or permissions switched off).
  if (AGENT_CLIS.has(name)) {
    const moved = [...env.keys()].find((k) => AGENT_CONFIG_ENV.has(k));
    const flag = words.slice(1).find((w) => AGENT_BYPASS_FLAG.test(w));
    if (moved !== undefined || flag !== undefined) out.push({ type: "tamper", via, detail: `starts \`${name}\` ${moved !== undefined ? `with its configuration moved (\`${moved}\`)` : `with \`${flag ?? ""}\``}, outside the guard's hooks` });
  }
  // Removing, moving or re-permissioning a directory that holds hook configuration or the guard's state.
  if (DESTRUCTIVE.has(name)) {
    for (const w of words.slice(1)) {
      if (w.startsWith("-")) continue;
      const dir = w.toLowerCase().replace(/\/+$/, "").replace(/\/(?:\.?\/)+/g, "/");
      if (PROTECTED_DIR.test(dir) || extra.some((e) => e !== "" && e.startsWith(`${w.replace(/\/+$/, "")}/`))) {
        out.push({ type: "tamper", via, detail: `\`${name}\` would remove or change \`${w.slice(0, 120)}\`, which holds agent hook configuration or the guard's state` });
        break;
      }
    }
  }
  if (!READERS.has(name) && !mentionsOnly) {
    for (const w of words.slice(1)) {
      if (isProtected(w) || (/egress-sync/.test(w) && ["rm", "unlink", "mv", "chmod", "chattr", "shred", "truncate", "ln"].includes(name))) {
        out.push({ type: "tamper", via, detail: `\`${name}\` changes the guard's configuration at \`${w.slice(0, 120)}\`` });
        break;
      }
    }
  }
  return out;
}

const EXAMPLE_ENV = /\.env\.(example|sample|template|dist|defaults|schema|test\.example)$/i;
const SECRET_BASENAME = /^(\.env(\..+)?|\.npmrc|\.pypirc|\.netrc|_netrc|\.git-credentials|\.pgpass|\.my\.cnf|id_(rsa|dsa|ecdsa|ed25519)(_sk)?[\w.-]*|.+\.(key|p12|pfx|jks|keystore)|credentials(\.json)?|.*private[-_]?key.*\.pem|key\.pem|.+-key\.pem)$/i;
// Files where CLIs and agents keep tokens (GitHub CLI, the agents themselves, package registries, Vault, Terraform) and process environments.
const TOKEN_FILES = /(^|\/)(\.config\/gh\/hosts\.ya?ml|\.claude\/\.credentials\.json|\.codex\/auth\.json|\.gemini\/(oauth_creds|google_accounts)\.json|\.config\/github-copilot\/(apps|hosts)\.json|\.cargo\/credentials(\.toml)?|\.gem\/credentials|\.terraform\.d\/credentials\.tfrc\.json|\.vault-token|\.m2\/settings(-security)?\.xml|\.envrc|\.config\/hub|\.boto|\.s3cfg|\.composer\/auth\.json|\.config\/composer\/auth\.json|\.nuget\/nuget\/nuget\.config|\.config\/rclone\/rclone\.conf)$|^\/proc\/(self|\d+|thread-self)\/environ$/i;
const SECRET_DIR = /(^|\/)(\.ssh|\.aws|\.gnupg|\.config\/gcloud|\.config\/op|\.kube|\.docker|\.azure|\.oci|\.password-store|\.anthropic|\.claude\/\.tokens)(\/|$)/i;
const SECRET_SEGMENTS = [".ssh", ".aws", ".gnupg", ".env", "id_rsa", "id_ed25519", "id_ecdsa", "credentials", ".netrc", ".npmrc", ".pypirc", ".git-credentials"];

// Lower-case substrings at least one of which every path {@link matchesSensitivePath} accepts
// contains (sensitive-paths.test.ts checks it): most words skip the expressions (and their
// compilation on the hook's first call) altogether.
const SENSITIVE_HINTS = ["hosts.y", "credentials", "auth.json", "oauth_creds", "google_accounts", "github-copilot", ".vault-token", "settings.xml", "settings-security.xml", "environ", ".config/hub", ".boto", ".s3cfg", "nuget.config", "rclone.conf", ".env", "npmrc", "pypirc", "netrc", "credentials", ".pgpass", ".my.cnf", "id_", ".key", ".p12", ".pfx", ".jks", ".keystore", ".pem", ".ssh", ".aws", ".gnupg", "gcloud", ".config/op", ".kube", ".docker", ".azure", ".oci", ".password-store", ".anthropic", ".tokens", "*", "?", "["];

/** True when a path names a credential file or directory (globs are matched against known names). */
export function isSensitivePath(p: string): boolean {
  const lower = p.toLowerCase();
  return SENSITIVE_HINTS.some((h) => lower.includes(h)) && matchesSensitivePath(p);
}

/** {@link isSensitivePath} without its substring pre-filter (exported for the test that checks the filter). */
export function matchesSensitivePath(p: string): boolean {
  if (p === "" || p.length > 4096) return false;
  const path = p.replace(/^(\$HOME|\$\{HOME\}|~)/, "/home/user");
  const base = path.split("/").filter((s) => s !== "").pop() ?? "";
  if (/\.pub$|known_hosts/.test(base)) return false;
  if (EXAMPLE_ENV.test(base)) return false;
  if (SECRET_BASENAME.test(base) && !/^credentials(\.json)?$/i.test(base)) return true;
  if (/^credentials(\.json)?$/i.test(base) && SECRET_DIR.test(path)) return true;
  if (SECRET_DIR.test(path) && !/\.docker\/(?!config\.json)|\.kube\/(?!config)/.test(path)) return true;
  if (/\.docker\/config\.json|\.kube\/config/i.test(path)) return true;
  if (TOKEN_FILES.test(path)) return true;
  if (/[*?[]/.test(path)) {
    for (const seg of path.split("/")) {
      if (!/[*?[]/.test(seg) || /^[*?]+$/.test(seg)) continue;
      const re = new RegExp(`^${shellGlobSource(seg)}$`);
      if (SECRET_SEGMENTS.some((s) => re.test(s))) return true;
    }
  }
  return false;
}

/**
 * A shell glob as regular-expression source: `*`, `?`, and `[…]` / `[!…]` classes; an unterminated
 * `[` is literal, as in bash. Hand-written (a dozen lines) rather than picomatch so the hook's
 * start-up bundle stays small; shell-guards.test.ts checks it never throws.
 */
export function shellGlobSource(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? "";
    if (c === "*") out += ".*";
    else if (c === "?") out += ".";
    else if (c === "[") {
      let j = i + 1;
      if (glob[j] === "!" || glob[j] === "^") j++;
      if (glob[j] === "]") j++;
      while (j < glob.length && glob[j] !== "]") j++;
      if (j >= glob.length) out += "\\[";
      else {
        const body = glob.slice(i + 1, j).replace(/^[!^]/, "^").replace(/[\\[]/g, "\\$&");
        out += validClass(body) ? `[${body}]` : glob.slice(i, j + 1).replace(/[.+^${}()|[\]\\/*?-]/g, "\\$&");
        i = j;
      }
    } else out += c.replace(/[.+^${}()|\\\]/]/g, "\\$&");
  }
  return out;
}

/** True when `[body]` is a valid regular-expression class (`[z-a]` is not). */
function validClass(body: string): boolean {
  try {
    new RegExp(`[${body}]`);
    return true;
  } catch {
    return false;
  }
}

function decodeEscapes(s: string): string {
  return s.replace(/\\x([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\0?([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
}

const TOKEN_PRINTERS: [string, RegExp][] = [
  ["gh", /^auth (token|status\b.*--show-token)/],
  ["git", /^(-\S+ )*credential(-\w+)? (fill|get)\b/],
  ["gcloud", /\bauth (application-default )?print-(access|identity)-token\b|config config-helper/],
  ["aws", /^configure (get|export-credentials)\b|^sts get-session-token|^ecr get-login-password|^codeartifact get-authorization-token/],
  ["az", /^account get-access-token/],
  ["kubectl", /^config view\b.*--raw|^create token\b/],
  ["security", /^find-(generic|internet)-password\b.*\s-w\b|^dump-keychain/],
  ["op", /^(read|item get)\b/],
  ["vault", /^(kv get|read|token create|print token)\b/],
  ["npm", /^token (create|list)|^config get .*_auth/],
  ["doctl", /^auth token/],
  ["heroku", /^auth:token/],
  ["secret-tool", /^lookup\b/],
  ["pass", /^(show )?\S+/],
];
const COPIERS = new Set(["cp", "mv", "install", "ln", "rsync"]);
const NO_CONTENT = new Set(["ssh", "ssh-keygen", "ssh-add", "ssh-agent", "ssh-copy-id", "chmod", "chown", "chgrp", "ls", "stat", "touch", "mkdir", "rm", "test", "[", "[[", "file", "wc", "du", "realpath", "readlink", "dirname", "basename", "which", "type"]);

/** Sensitive-file findings for one simple command (reads of secrets that then reach the model). */
export function sensitiveInWords(words: string[], redirects: { op: string; target: string }[], inSubstitution = false): TShellFinding[] {
  const out: TShellFinding[] = [];
  const via = words.join(" ").slice(0, 200);
  const name = commandName(words[0] ?? "");
  for (const r of redirects) if (r.op.startsWith("<") && isSensitivePath(r.target)) out.push({ type: "sensitive", via, path: r.target });
  // Commands that print a stored token or password (to the model, like reading the file would).
  const printed = TOKEN_PRINTERS.find(([cmd, re]) => cmd === name && re.test(words.slice(1).join(" ")));
  // (`path` starting with "$ " names the command, not a file: evaluate words the reason accordingly)
  if (printed !== undefined) out.push({ type: "sensitive", via, path: `$ ${via.slice(0, 80)}` });
  // Commands that use or manage a credential file without printing its content.
  if (NO_CONTENT.has(name)) return out;
  const inline = /^(python[0-9.]*|node|nodejs|ruby|perl|php|deno|bun|osascript)$/.test(name);
  // The last operand of a copy or move is written, not read (`cp .env.example .env`).
  const copyTarget = COPIERS.has(name) ? words.filter((w, k) => k > 0 && !w.startsWith("-")).pop() : undefined;
  for (const w of words.slice(1)) {
    if (w === copyTarget) continue;
    if (name === "echo" || name === "printf") {
      const d = decodeEscapes(w);
      // Output of echo/printf inside $(…) becomes an argument (a path) of the outer command.
      if ((d !== w || inSubstitution) && d.split(/\s+/).some(isSensitivePath)) out.push({ type: "sensitive", via, path: d });
      continue;
    }
    if (w.startsWith("-") && !w.includes("=")) continue;
    const candidates = inline ? (w.match(/[\w.~$/{}*?[\]-]+/g) ?? []) : [w.includes("=") && w.startsWith("-") ? w.slice(w.indexOf("=") + 1) : w.replace(/^@/, "")];
    const hit = candidates.find(isSensitivePath);
    if (hit !== undefined) {
      out.push({ type: "sensitive", via, path: hit });
      break;
    }
  }
  return out;
}

/** Credential paths under the home directory named in a payload string (MCP / other tools). */
export const HOME_CREDENTIAL = /(\$HOME|~|\/home\/[^/\s"]+|\/Users\/[^/\s"]+|\/root)\/(\.ssh|\.aws|\.gnupg|\.config\/op|\.config\/gcloud|\.docker\/config\.json|\.kube\/config|\.netrc|\.pypirc|\.git-credentials|\.anthropic|\.claude\/\.tokens)/;

/**
 * A curl/wget local-file upload written into a payload (exfil signature): `curl` or `wget`, then on
 * the same line and outside a JSON string boundary (no newline or `"` between) `@file`, `-T file`,
 * `--upload-file` or `--post-file`. One forward pass over the text with three cursors; the regular
 * expression it replaces was quadratic (seconds for a payload of many `curl ` words).
 */
export const PAYLOAD_UPLOAD = {
  test(s: string): boolean {
    if (!s.includes("curl") && !s.includes("wget")) return false;
    const tool = /\b(?:curl|wget)\b/g;
    const barrier = /[\n"]/g;
    const marker = /[\s=]@[~/.$\w]|\s-T\s*[~/.$\w]|--upload-file|--post-file/g;
    let lastTool = -1;
    let lastBarrier = -1;
    let nextTool = tool.exec(s);
    let nextBarrier = barrier.exec(s);
    for (let m = marker.exec(s); m !== null; m = marker.exec(s)) {
      while (nextTool !== null && nextTool.index < m.index) {
        lastTool = nextTool.index;
        nextTool = tool.exec(s);
      }
      while (nextBarrier !== null && nextBarrier.index < m.index) {
        lastBarrier = nextBarrier.index;
        nextBarrier = barrier.exec(s);
      }
      if (lastTool !== -1 && lastTool > lastBarrier) return true;
    }
    return false;
  },
};
