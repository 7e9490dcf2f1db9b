import type { TDestination } from "../hosts/normalize.js";
import type { TPersistenceKind } from "./persistence.js";

/**
 * What shell analysis found, independent of any policy. The evaluator turns findings into a
 * decision with the compiled policy.
 */
/** Which allow-list a destination is checked against: `publish` is a package or image published (shell.publish) */
export type TDestinationPurpose = "network" | "registry" | "publish" | "git-read" | "git-write" | "gh-write";

export type TShellFinding =
  /** A network connection to a known destination. `purpose` selects which allow-list applies. */
  | { type: "host"; dest: TDestination; via: string; purpose: TDestinationPurpose }
  /** A network command whose destination cannot be determined statically. */
  | { type: "unknown"; via: string; detail: string }
  /** A git/gh write to a GitHub owner. */
  | { type: "owner"; owner: string; host: string; via: string }
  /** A git push or fetch to a remote name that the CLI must resolve in `cwd`; `implicit`: none was named (the branch's configured remote, else origin); `dir`: git runs in that directory instead (`cd`, `git -C`, `--git-dir`, `GIT_DIR`), as written. */
  | { type: "remote"; name: string; via: string; write: boolean; implicit?: boolean; dir?: string }
  /** A server-side merge into a base branch (`gh pr merge`, merge endpoints). */
  | { type: "merge"; via: string; detail: string }
  /** A repository created public or made public (`gh repo create --public`, `--visibility public`, API fields). */
  | { type: "public"; via: string; detail: string }
  /** A raw curl/wget write to a forge API host. */
  | { type: "forge-api-write"; dest: TDestination; via: string }
  | { type: "pipe-interpreter"; via: string; interpreter: string }
  | { type: "download-exec"; via: string; path: string }
  | { type: "tamper"; via: string; detail: string }
  /** A write to a file that runs or redirects later traffic outside the guard (git hooks and config, ssh config, shell start-up files). */
  | { type: "persistence"; via: string; path: string; kind: TPersistenceKind }
  | { type: "sensitive"; via: string; path: string };
