import { join } from "node:path";

export const AGENT_IDS = ["claude-code", "codex", "gemini-cli", "cursor", "copilot"] as const;
export type TAgentId = (typeof AGENT_IDS)[number];

export const SCOPES = ["user", "project", "managed"] as const;
export type TScope = (typeof SCOPES)[number];

/** Where the config files of the current machine live (all injectable for tests) */
export type TLocateContext = {
  home: string;
  projectDir: string;
  managedRoot: string;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
};

/** How `egress-sync` is started from an agent's config: node + the bundle, by absolute path */
export type THookCommand = { node: string; cli: string };

/** One item install adds to an array inside the agent's config */
export type THookEntry = { arrayPath: string[]; role: "hook" | "pull"; value: Record<string, unknown> };

export type TFailClosed = { supported: true; knob: string } | { supported: false; note: string };

export type TAgentSpec = {
  id: TAgentId;
  name: string;
  /** `nested`: event → matcher group → `hooks[]` handlers; `flat`: event → handlers */
  shape: "nested" | "flat";
  /** Root object of a config file that install creates */
  template: Record<string, unknown>;
  /** The config file for a scope, or the reason this scope cannot be installed */
  locate: (opts: { scope: TScope; ctx: TLocateContext }) => { file: string } | { refused: string };
  entries: (cmd: THookCommand) => THookEntry[];
  failClosed: TFailClosed;
  /** Whether a background `pull` is added on session start */
  sessionStart: string | null;
};

const SHELL_SAFE = /^[A-Za-z0-9_/.,:@%+=-]+$/;

/** Quotes one word for a POSIX shell */
export function shellQuote(word: string): string {
  if (SHELL_SAFE.test(word)) return word;

  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** `node cli hook <agent>` as one shell command line */
export function hookCommandLine(opts: { cmd: THookCommand; agent: TAgentId }): string {
  return `${shellQuote(opts.cmd.node)} ${shellQuote(opts.cmd.cli)} hook ${opts.agent}`;
}

/** A background `pull` that returns at once and never holds the agent's pipes */
export function backgroundPullLine(cmd: THookCommand): string {
  return `${shellQuote(cmd.node)} ${shellQuote(cmd.cli)} pull >/dev/null 2>&1 &`;
}

/** Hook timeouts: well under each agent's default (600 s, 600 s, 60 s, unset, 30 s) */
export const HOOK_TIMEOUT_SECONDS = 10;

function managedFile(opts: { ctx: TLocateContext; linux: string; darwin: string }): { file: string } | { refused: string } {
  const { ctx } = opts;
  if (ctx.platform === "linux") return { file: join(ctx.managedRoot, opts.linux) };
  if (ctx.platform === "darwin") return { file: join(ctx.managedRoot, opts.darwin) };

  return { refused: `managed install is not supported on \`${ctx.platform}\` yet` };
}

function envDir(opts: { ctx: TLocateContext; name: string; fallback: string }): string {
  const value = opts.ctx.env[opts.name];

  return value && value.startsWith("/") ? value : opts.fallback;
}

const claudeCode: TAgentSpec = {
  id: "claude-code",
  name: "Claude Code",
  shape: "nested",
  template: {},
  locate: ({ scope, ctx }) => {
    if (scope === "user") return { file: join(envDir({ ctx, name: "CLAUDE_CONFIG_DIR", fallback: join(ctx.home, ".claude") }), "settings.json") };
    if (scope === "project") return { file: join(ctx.projectDir, ".claude", "settings.json") };

    return managedFile({ ctx, linux: "etc/claude-code/managed-settings.json", darwin: "Library/Application Support/ClaudeCode/managed-settings.json" });
  },
  entries: (cmd) => [
    {
      arrayPath: ["hooks", "PreToolUse"],
      role: "hook",
      value: {
        matcher: ".*",
        hooks: [{ type: "command", command: cmd.node, args: [cmd.cli, "hook", "claude-code"], timeout: HOOK_TIMEOUT_SECONDS, onFailure: "block" }],
      },
    },
    {
      arrayPath: ["hooks", "SessionStart"],
      role: "pull",
      value: { hooks: [{ type: "command", command: cmd.node, args: [cmd.cli, "pull"], async: true, timeout: 60 }] },
    },
  ],
  failClosed: { supported: true, knob: `"onFailure": "block" on the handler (Claude Code 2.1.295 or later)` },
  sessionStart: "SessionStart (async)",
};

const codex: TAgentSpec = {
  id: "codex",
  name: "OpenAI Codex CLI",
  shape: "nested",
  template: {},
  locate: ({ scope, ctx }) => {
    if (scope === "user") return { file: join(envDir({ ctx, name: "CODEX_HOME", fallback: join(ctx.home, ".codex") }), "hooks.json") };
    if (scope === "project") return { file: join(ctx.projectDir, ".codex", "hooks.json") };

    return {
      refused:
        "managed install for `codex` is not automated: managed hooks live in `/etc/codex/requirements.toml`, which egress-sync does not rewrite; add the `[[hooks.PreToolUse]]` block from docs/install.md by hand",
    };
  },
  entries: (cmd) => [
    {
      arrayPath: ["hooks", "PreToolUse"],
      role: "hook",
      value: { matcher: ".*", hooks: [{ type: "command", command: hookCommandLine({ cmd, agent: "codex" }), timeout: HOOK_TIMEOUT_SECONDS }] },
    },
    {
      arrayPath: ["hooks", "SessionStart"],
      role: "pull",
      value: { hooks: [{ type: "command", command: backgroundPullLine(cmd), timeout: HOOK_TIMEOUT_SECONDS }] },
    },
  ],
  failClosed: {
    supported: false,
    note: "Codex has no fail-closed setting (openai/codex#41979): a crashed or timed-out hook lets the tool run; pair it with `sandbox_mode = \"workspace-write\"` and network off",
  },
  sessionStart: "SessionStart (backgrounded)",
};

const geminiCli: TAgentSpec = {
  id: "gemini-cli",
  name: "Gemini CLI",
  shape: "nested",
  template: {},
  locate: ({ scope, ctx }) => {
    if (scope === "user") return { file: join(ctx.home, ".gemini", "settings.json") };
    if (scope === "project") return { file: join(ctx.projectDir, ".gemini", "settings.json") };

    return managedFile({ ctx, linux: "etc/gemini-cli/settings.json", darwin: "Library/Application Support/GeminiCli/settings.json" });
  },
  entries: (cmd) => [
    {
      arrayPath: ["hooks", "BeforeTool"],
      role: "hook",
      value: {
        matcher: ".*",
        hooks: [{ name: "egress-sync", type: "command", command: hookCommandLine({ cmd, agent: "gemini-cli" }), timeout: HOOK_TIMEOUT_SECONDS * 1000 }],
      },
    },
    {
      arrayPath: ["hooks", "SessionStart"],
      role: "pull",
      value: { hooks: [{ name: "egress-sync-pull", type: "command", command: backgroundPullLine(cmd), timeout: 5000 }] },
    },
  ],
  failClosed: {
    supported: false,
    note: "Gemini CLI has no fail-closed setting: a hook that times out or prints nothing lets the tool run; add policy-engine deny rules and a proxied sandbox",
  },
  sessionStart: "SessionStart (backgrounded)",
};

const cursor: TAgentSpec = {
  id: "cursor",
  name: "Cursor",
  shape: "flat",
  template: { version: 1 },
  locate: ({ scope, ctx }) => {
    if (scope === "user") return { file: join(ctx.home, ".cursor", "hooks.json") };
    if (scope === "project") return { file: join(ctx.projectDir, ".cursor", "hooks.json") };

    return managedFile({ ctx, linux: "etc/cursor/hooks.json", darwin: "Library/Application Support/Cursor/hooks.json" });
  },
  entries: (cmd) => {
    const handler = { command: hookCommandLine({ cmd, agent: "cursor" }), timeout: HOOK_TIMEOUT_SECONDS, failClosed: true };

    return [
      { arrayPath: ["hooks", "beforeShellExecution"], role: "hook", value: handler },
      { arrayPath: ["hooks", "beforeMCPExecution"], role: "hook", value: handler },
      { arrayPath: ["hooks", "preToolUse"], role: "hook", value: handler },
      { arrayPath: ["hooks", "sessionStart"], role: "pull", value: { command: backgroundPullLine(cmd), timeout: HOOK_TIMEOUT_SECONDS } },
    ];
  },
  failClosed: { supported: true, knob: `"failClosed": true on each entry` },
  sessionStart: "sessionStart (backgrounded)",
};

const copilot: TAgentSpec = {
  id: "copilot",
  name: "GitHub Copilot CLI",
  shape: "flat",
  template: { version: 1 },
  locate: ({ scope, ctx }) => {
    if (scope === "user") return { file: join(envDir({ ctx, name: "COPILOT_HOME", fallback: join(ctx.home, ".copilot") }), "hooks", "egress-sync.json") };
    if (scope === "project") return { file: join(ctx.projectDir, ".github", "hooks", "egress-sync.json") };

    return { refused: "managed install for `copilot` is not supported: Copilot's policy-level hook directory is not documented well enough to write safely" };
  },
  entries: (cmd) => [
    { arrayPath: ["hooks", "preToolUse"], role: "hook", value: { type: "command", bash: hookCommandLine({ cmd, agent: "copilot" }), timeoutSec: HOOK_TIMEOUT_SECONDS } },
    { arrayPath: ["hooks", "sessionStart"], role: "pull", value: { type: "command", bash: backgroundPullLine(cmd), timeoutSec: HOOK_TIMEOUT_SECONDS } },
  ],
  failClosed: {
    supported: false,
    note: "Copilot has no fail-closed setting: non-zero exits and timeouts are logged and skipped; rely on the cloud agent firewall or policy-level hooks",
  },
  sessionStart: "sessionStart (backgrounded)",
};

export const AGENTS: Readonly<Record<TAgentId, TAgentSpec>> = {
  "claude-code": claudeCode,
  codex,
  "gemini-cli": geminiCli,
  cursor,
  copilot,
};

/** Parses an agent argument, with a clear error listing the supported ones */
export function parseAgentId(value: string): TAgentId | undefined {
  return (AGENT_IDS as readonly string[]).includes(value) ? (value as TAgentId) : undefined;
}
