import { childProcessEnv } from "../env";

/** How long `git config` may take before the destination counts as unknown */
export const GIT_TIMEOUT_MS = 1_500;

/** What the engine needs to resolve remote names (see TEvaluationContext in @egress/policy) */
export type TGitRemotes = { remotes: Record<string, string>; pushRemotes: Record<string, string[]>; defaults: string[] };

// Every key that decides where a fetch or push goes: remote URLs, URL rewrites and the remotes a
// bare `git push` / `git fetch` picks. Keys come back lower-cased except their subsection.
const CONFIG_KEYS = "^(remote\\..*\\.(url|pushurl)|url\\..*\\.(insteadof|pushinsteadof)|remote\\.pushdefault|branch\\..*\\.(remote|pushremote))$";

/**
 * Resolves remote names to URLs with `git -C <cwd> config --get-regexp`, run by argv (no shell)
 * with only PATH, HOME and LANG (of `env`, default this process's) in its environment and a short timeout. Applies `insteadOf` /
 * `pushInsteadOf` rewrites the way git does (longest prefix wins), so a rewritten URL is checked,
 * not the one written in `remote.*.url`. Returns an error message when git fails (the caller
 * denies: destination unknown)
 */
export function resolveGitRemotes(opts: { cwd: string; env?: NodeJS.ProcessEnv }): ({ ok: true } & TGitRemotes) | { ok: false; message: string } {
  let output: string;
  try {
    // Loaded on demand: most hook calls never run git
    const { execFileSync } = process.getBuiltinModule("node:child_process");
    output = execFileSync("git", ["-C", opts.cwd, "config", "--get-regexp", CONFIG_KEYS], {
      env: childProcessEnv(opts.env),
      timeout: GIT_TIMEOUT_MS,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 1024 * 1024,
      windowsHide: true,
    });
  } catch (error) {
    const status = (error as { status?: number | null }).status;
    // Exit 1 = none of the keys is set: no remotes, the engine decides what an unknown remote means
    if (status === 1) return { ok: true, remotes: {}, pushRemotes: {}, defaults: [] };
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ETIMEDOUT" ? `timed out after ${GIT_TIMEOUT_MS} ms` : code === "ENOENT" ? "git is not installed" : `git exited with status ${String(status ?? code ?? "unknown")}`;

    return { ok: false, message: why };
  }

  return { ok: true, ...remotesFromConfig(output) };
}

/** The remotes in `git config --get-regexp` output (exported for tests) */
export function remotesFromConfig(output: string): TGitRemotes {
  const urls = new Map<string, string[]>();
  const pushUrls = new Map<string, string[]>();
  const insteadOf: { from: string; to: string }[] = [];
  const pushInsteadOf: { from: string; to: string }[] = [];
  const defaults = new Set<string>();
  const add = (map: Map<string, string[]>, name: string, value: string): void => void map.set(name, [...(map.get(name) ?? []), value]);
  for (const line of output.split("\n")) {
    const space = line.indexOf(" ");
    if (space === -1) continue;
    const key = line.slice(0, space);
    const value = line.slice(space + 1).trim();
    let m: RegExpExecArray | null;
    if ((m = /^remote\.(.+)\.url$/.exec(key)) && m[1]) add(urls, m[1], value);
    else if ((m = /^remote\.(.+)\.pushurl$/.exec(key)) && m[1]) add(pushUrls, m[1], value);
    else if ((m = /^url\.(.+)\.insteadof$/.exec(key)) && m[1]) insteadOf.push({ from: value, to: m[1] });
    else if ((m = /^url\.(.+)\.pushinsteadof$/.exec(key)) && m[1]) pushInsteadOf.push({ from: value, to: m[1] });
    else if (key === "remote.pushdefault" || /^branch\..+\.(remote|pushremote)$/.test(key)) {
      if (value !== "" && value !== ".") defaults.add(value);
    }
  }
  const rewrite = (url: string, rules: { from: string; to: string }[]): string | undefined => {
    let best: { from: string; to: string } | undefined;
    for (const r of rules) if (r.from !== "" && url.startsWith(r.from) && (best === undefined || r.from.length > best.from.length)) best = r;

    return best === undefined ? undefined : best.to + url.slice(best.from.length);
  };
  const remotes: Record<string, string> = {};
  const pushRemotes: Record<string, string[]> = {};
  for (const [name, list] of urls) {
    // The first url is where fetches go; a push goes to every url, unless pushurls are set
    remotes[name] = rewrite(list[0] ?? "", insteadOf) ?? list[0] ?? "";
    if (!pushUrls.has(name)) pushRemotes[name] = list.map((u) => rewrite(u, pushInsteadOf) ?? rewrite(u, insteadOf) ?? u);
  }
  for (const [name, list] of pushUrls) pushRemotes[name] = list.map((u) => rewrite(u, insteadOf) ?? u);

  return { remotes, pushRemotes, defaults: [...defaults] };
}
