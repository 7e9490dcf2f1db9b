/** Agents with an adapter (hook input → normalized call, decision → hook output). */
export const AGENTS = ["claude-code", "codex", "gemini-cli", "cursor", "copilot"] as const;

/** One of {@link AGENTS}. */
export type TAgent = (typeof AGENTS)[number];

/** What a tool call does, as far as egress is concerned. */
export type TCallKind = "shell" | "fetch" | "search" | "mcp" | "browser" | "websocket" | "file" | "agent" | "other";

/** One tool call of any agent, normalized by an adapter (ARCHITECTURE §3 input). */
export type TNormalizedCall = {
  agent: string;
  event: string;
  /** Tool name exactly as the agent reported it. */
  tool: string;
  kind: TCallKind;
  /** MCP server name when known. */
  server?: string;
  /** MCP server URL or stdio command, when the agent says so. */
  serverEndpoint?: string;
  /** `mcp__<server>__<tool>` form used to match connector and tool globs across agents. */
  canonicalTool?: string;
  /** Shell text (kind shell). */
  command?: string;
  /** Shell dialect of `command`. */
  shell?: "posix" | "powershell";
  /** URLs found in explicit URL fields and anywhere in the payload (nested, JSON strings, free text). */
  urls: string[];
  /** URLs from fields that name the destination of the call (e.g. WebFetch `url`). */
  targetUrls?: string[];
  /** The original tool input, untouched. */
  payload: unknown;
  cwd?: string;
  filePaths?: string[];
  /** True when the tool only reads files (Read, view, …). */
  readOnly?: boolean;
};

/** Inputs the pure engine cannot obtain itself; the CLI resolves them. */
export type TEvaluationContext = {
  /** Remote name → fetch URL, resolved from the git config in `call.cwd` (see `gitRemotesNeeded`), `insteadOf` rewrites applied. */
  gitRemotes?: Record<string, string>;
  /** Remote name → every URL a push goes to (`pushurl`s, else every `url`), rewrites applied; absent: the fetch URL. */
  gitPushRemotes?: Record<string, string[]>;
  /** Remotes a `git push` / `git fetch` naming none may use (`remote.pushDefault`, `branch.*.remote`, `branch.*.pushRemote`); origin is always included. */
  gitDefaultRemotes?: string[];
  /** The egress-sync state directory (absolute), protected against tampering. */
  stateDir?: string;
  /** The user's home directory, to expand `~` in protected paths. */
  homeDir?: string;
  /** The directory `gitRemotes` were resolved in (default: `call.cwd`): a git command the shell runs elsewhere cannot use them. */
  cwd?: string;
  /** Remotes resolved in the other directories git runs in (`cd sub && git push`, `git -C sub`), keyed by absolute directory (see `gitRemoteDirs`). */
  gitRemotesIn?: Record<string, TGitRemoteTable>;
};

/** The remotes of one repository as the CLI resolved them (see TEvaluationContext). */
export type TGitRemoteTable = { remotes: Record<string, string>; pushRemotes: Record<string, string[]>; defaults: string[] };

/** The engine's answer for one call. */
export type TDecision = {
  effect: "allow" | "deny";
  /** Observe mode: the call was allowed but enforce mode would have denied it. */
  wouldDeny?: boolean;
  /** A DLP rule with action `warn` matched. */
  warn?: boolean;
  /** Stable id of the rule (or mode) that decided, e.g. `hosts.not_allowed`. */
  rule: string;
  /** In observe mode, the rule that would have denied. */
  observedRule?: string;
  /** A reason a developer can act on. */
  reason: string;
  /** The destination that decided (host, `mcp:<server>`, `github.com/<owner>` …). */
  destination?: string;
  /** `egress-sync request …` command that asks for access, when a request could lift the deny. */
  requestCommand?: string;
  dlp?: { ruleId: string; fingerprint: string }[];
};
