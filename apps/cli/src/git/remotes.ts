import { childProcessEnv } from "../env";

/** How long `git config` may take before the destination counts as unknown */
export const GIT_TIMEOUT_MS = 1_500;

/**
 * Resolves remote names to URLs with `git -C <cwd> config --get-regexp ^remote\..*url$`, run by argv
 * (no shell) with only PATH, HOME and LANG in its environment and a short timeout.
 * Returns the map, or an error message (the caller denies: destination unknown)
 */
export function resolveGitRemotes(opts: { cwd: string }): { ok: true; remotes: Record<string, string> } | { ok: false; message: string } {
  let output: string;
  try {
    // Loaded on demand: most hook calls never run git
    const { execFileSync } = process.getBuiltinModule("node:child_process");
    output = execFileSync("git", ["-C", opts.cwd, "config", "--get-regexp", "^remote\\..*url$"], {
      env: childProcessEnv(),
      timeout: GIT_TIMEOUT_MS,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 1024 * 1024,
      windowsHide: true,
    });
  } catch (error) {
    const status = (error as { status?: number | null }).status;
    // Exit 1 = no remote configured: an empty map, the engine decides what an unknown remote means
    if (status === 1) return { ok: true, remotes: {} };
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ETIMEDOUT" ? `timed out after ${GIT_TIMEOUT_MS} ms` : code === "ENOENT" ? "git is not installed" : `git exited with status ${String(status ?? code ?? "unknown")}`;

    return { ok: false, message: why };
  }
  const remotes: Record<string, string> = {};
  for (const line of output.split("\n")) {
    const match = /^remote\.(.+)\.(?:push)?url\s+(.+)$/.exec(line.trim());
    if (!match?.[1] || !match[2]) continue;
    // The first url of a remote is its fetch url; pushurl, when present, is where pushes go
    if (line.includes(".pushurl ") || !(match[1] in remotes)) remotes[match[1]] = match[2];
  }

  return { ok: true, remotes };
}
