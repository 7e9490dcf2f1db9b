/**
 * Files that run or redirect later traffic outside the guard: git hooks and git configuration,
 * ssh configuration and shell start-up files. Writing them (file tools, redirects, `tee`,
 * `cp`/`mv`/`install`/`ln` targets, `sed -i`, downloads …) is denied; reading them is not.
 */
import type { TShellFinding } from "./findings.js";
import { commandName } from "./words.js";

/** What a protected later-traffic file does. */
export type TPersistenceKind = "git-hook" | "git-config" | "ssh-config" | "shell-startup";

// A git directory (`.git`, a bare `repo.git`, a submodule's `.git/modules/<name>`) and what in it runs or redirects.
const GIT_HOOKS = /(^|\/)[^/]*\.git\/(modules\/.+\/)?hooks(\/|$)/;
const GIT_CONFIG = /(^|\/)[^/]*\.git\/(modules\/.+\/)?config$/;
// Home directories as a command or a file tool may spell them (lower-cased, `\` → `/`).
const HOME_PREFIX = /^(~|\$home|\$\{home\}|\/home\/[^/]+|\/users\/[^/]+|\/root|\/var\/root|[a-z]:\/users\/[^/]+)\//;
const HOME_FILES: [RegExp, TPersistenceKind][] = [
  [/^(\.gitconfig|\.config\/git\/config)$/, "git-config"],
  [/^\.ssh\/(config|config\.d\/.+)$/, "ssh-config"],
  [/^(\.bashrc|\.bash_profile|\.bash_login|\.bash_logout|\.profile|\.zshrc|\.zshenv|\.zprofile|\.zlogin|\.zlogout|\.kshrc|\.mkshrc|\.config\/fish\/(config\.fish|conf\.d\/.+))$/, "shell-startup"],
];
const SYSTEM_FILES: [RegExp, TPersistenceKind][] = [
  [/^\/etc\/gitconfig$/, "git-config"],
  [/^\/etc\/ssh\/ssh_config(\.d\/.+)?$/, "ssh-config"],
  [/^\/etc\/(profile|profile\.d\/.+|bash\.bashrc|bashrc|zshenv|zshrc|zprofile|zlogin|zsh\/(zshenv|zshrc|zprofile|zlogin)|fish\/(config\.fish|conf\.d\/.+))$/, "shell-startup"],
];

/**
 * The kind of later-traffic file `path` names, if any. Case-insensitive (macOS file systems are);
 * a relative path is also read as relative to the home directory (the command may run there).
 */
export function persistenceKind(path: string): TPersistenceKind | undefined {
  if (path === "" || path.length > 4096) return undefined;
  const p = path.toLowerCase().replace(/\\/g, "/").replace(/\/(?:\.?\/)+/g, "/").replace(/\/+$/, "");
  if (GIT_HOOKS.test(p)) return "git-hook";
  if (GIT_CONFIG.test(p)) return "git-config";
  for (const [re, kind] of SYSTEM_FILES) if (re.test(p)) return kind;
  const home = HOME_PREFIX.exec(p);
  const rel = home !== null ? p.slice(home[0].length) : p.startsWith("/") ? undefined : p.replace(/^(\.\/)+/, "");
  if (rel === undefined) return undefined;
  for (const [re, kind] of HOME_FILES) if (re.test(rel)) return kind;

  return undefined;
}

/** Why writing a later-traffic file is denied, and what to do instead (the decision's reason). */
export function persistenceReason(path: string, kind: TPersistenceKind): string {
  const shown = `\`${path.slice(0, 120)}\``;
  switch (kind) {
    case "git-hook":
      return `writing ${shown} installs a git hook, which git runs later (on commit, checkout, merge or push) outside the guard; keep hooks in a tracked directory such as .husky/ and let a developer install them`;
    case "git-config":
      return `writing ${shown} changes git's configuration (remotes, URL rewrites, aliases, hooks, credential helpers), which redirects later git commands outside the guard; use \`git remote\` or \`git config\`, which the guard checks`;
    case "ssh-config":
      return `writing ${shown} changes where later ssh, scp and git connections go (Host aliases, HostName, ProxyCommand, Include) outside the guard; pass ssh options on the command line instead`;
    case "shell-startup":
      return `writing ${shown} adds commands that new shells run later, outside the guard; run the commands directly instead`;
  }
}

/** A later-traffic file among `paths` (a directory target also names the files copied into it). */
function firstHit(paths: readonly string[], via: string): TShellFinding[] {
  for (const path of paths) {
    const kind = persistenceKind(path);
    if (kind !== undefined) return [{ type: "persistence", via, path, kind }];
  }

  return [];
}

const basename = (p: string): string => p.replace(/\/+$/, "").split("/").pop() ?? "";

/** Operands of `args` once the values of `valueFlags` (also `--flag=value`) are set aside; `targets` collects the values of `targetFlags`. */
function operandsOf(args: readonly string[], valueFlags: ReadonlySet<string>, targetFlags: ReadonlySet<string> = new Set(), targets: string[] = []): string[] {
  const ops: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--") {
      ops.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.includes("=")) {
      if (targetFlags.has(a.slice(0, a.indexOf("="))) || valueFlags.has(a.slice(0, a.indexOf("=")))) targets.push(a.slice(a.indexOf("=") + 1));
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      if (valueFlags.has(a) || targetFlags.has(a)) {
        const v = args[++i] ?? "";
        if (targetFlags.has(a)) targets.push(v);
      } else if (/^-[a-zA-Z]{2,}$/.test(a) && targetFlags.has(`-${a.slice(-1)}`)) targets.push(args[++i] ?? "");
      continue;
    }
    ops.push(a);
  }

  return ops;
}

const COPY_VALUE: Record<string, Set<string>> = {
  cp: new Set(["-S", "--suffix", "--backup", "--sparse", "--reflink", "--preserve", "--no-preserve", "--context"]),
  mv: new Set(["-S", "--suffix", "--backup"]),
  ln: new Set(["-S", "--suffix", "--backup"]),
  install: new Set(["-m", "--mode", "-o", "--owner", "-g", "--group", "-S", "--suffix", "--backup", "--strip-program", "-Z", "--context"]),
  rsync: new Set(["-e", "--rsh", "--port", "--password-file", "-f", "--filter", "--exclude", "--include", "--exclude-from", "--include-from", "--files-from", "-T", "--temp-dir", "--log-file", "--chmod", "-B", "--block-size", "--timeout", "--bwlimit", "--partial-dir", "--compare-dest", "--copy-dest", "--link-dest", "--backup-dir", "--suffix", "--rsync-path", "--out-format", "--max-size", "--min-size"]),
};
const TARGET_DIR = new Set(["-t", "--target-directory"]);
const EDITORS = new Set(["ed", "ex", "vi", "vim", "nvim", "nano", "emacs", "patch"]);

/** Files a command (after its wrappers are unwrapped) writes: copy targets, `tee`, `sed -i`, `dd of=`, download outputs … */
function writtenPaths(words: readonly string[]): { paths: string[]; hooksOnly?: boolean } {
  const name = commandName(words[0] ?? "");
  const args = words.slice(1);
  if (name === "tee") return { paths: args.filter((a) => !a.startsWith("-")) };
  const copyValue = COPY_VALUE[name];
  if (copyValue !== undefined) {
    const dirs: string[] = [];
    const ops = operandsOf(args, copyValue, TARGET_DIR, dirs);
    const sources = dirs.length > 0 ? ops : ops.slice(0, -1);
    const targets = dirs.length > 0 ? dirs : ops.slice(-1);
    // A directory target receives the sources under their own names (`cp pre-commit .git/hooks`).
    return { paths: [...targets, ...targets.flatMap((t) => sources.map((s) => `${t.replace(/\/+$/, "")}/${basename(s)}`))] };
  }
  if (name === "sed" || /^perl[0-9.]*$/.test(name)) {
    // In-place editing: `-i`, `-i.bak`, `--in-place[=suffix]`, bundled `-Ei` / `-pi`.
    const inPlace = args.some((a) => /^--in-place(=|$)/.test(a) || /^-[a-zA-Z]*i/.test(a) && !/^-[a-zA-Z]*[ef][a-zA-Z]*i/.test(a));
    return { paths: inPlace ? args.filter((a) => !a.startsWith("-")) : [] };
  }
  if (name === "dd") return { paths: args.filter((a) => a.startsWith("of=")).map((a) => a.slice(3)) };
  if (name === "chmod" || name === "chown" || name === "chgrp") return { paths: args.filter((a) => !a.startsWith("-")), hooksOnly: true };
  if (EDITORS.has(name)) {
    if (args.includes("-R") || (name === "patch" && args.includes("--dry-run"))) return { paths: [] };
    const outs: string[] = [];
    return { paths: [...operandsOf(args, new Set(["-c", "--cmd", "-S", "-s", "-u", "-i", "-T", "-w", "-W", "-p", "-d", "-D", "-F", "-r", "-V", "-B", "-z", "-x", "-Y"]), new Set(["-o", "--output"]), outs).filter((a) => !a.startsWith("+")), ...outs] };
  }
  if (name === "curl") {
    const outs: string[] = [];
    operandsOf(args, new Set(), new Set(["-o", "--output"]), outs);
    return { paths: outs };
  }
  if (name === "wget" || name === "wget2") {
    const outs: string[] = [];
    operandsOf(args, new Set(), new Set(["-O", "--output-document"]), outs);
    return { paths: outs };
  }
  if (name === "find") {
    const outs = args.flatMap((a, k) => (/^-(fprint0?|fprintf|fls)$/.test(a) ? [args[k + 1] ?? ""] : []));
    return { paths: outs };
  }
  if (name === "tar" || name === "unzip" || name === "bsdtar") {
    // Extracting into a git directory may write its hooks or config.
    const dirs = args.flatMap((a, k) => (a === "-C" || a === "--directory" || (name === "unzip" && a === "-d") ? [args[k + 1] ?? ""] : a.startsWith("--directory=") ? [a.slice(12)] : []));
    return { paths: dirs.flatMap((d) => [d, `${d.replace(/\/+$/, "")}/hooks`]) };
  }

  return { paths: [] };
}

/** Later-traffic files written by one simple command: its output redirects, and what the command itself writes. */
export function persistenceInCommand(words: readonly string[], redirects: readonly { op: string; target: string }[]): TShellFinding[] {
  const via = words.join(" ").slice(0, 200) || "redirect";
  const redirected = firstHit(redirects.filter((r) => />/.test(r.op) && !/^\d*>&\d*-?$/.test(r.op)).map((r) => r.target), via);
  if (redirected.length > 0) return redirected;
  const { paths, hooksOnly } = writtenPaths(words);

  return firstHit(paths.filter((p) => p !== "" && (hooksOnly !== true || persistenceKind(p) === "git-hook")), via);
}
