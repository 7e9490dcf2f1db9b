/** Agent adapters, input side: raw hook JSON → one normalized call. */
import { AGENTS, type TCallKind, type TDecision, type TNormalizedCall } from "../types.js";
import { denyDecision } from "../engine/decision.js";
import { asRecord, fileKind, filePathsOf, isReadTool, makeCall, maybeJson, patchPaths, str } from "./common.js";
import { canonicalMcpName, splitDoubleUnderscore } from "./mcp-names.js";

/** Largest hook input accepted (bytes of JSON text). */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/** Result of {@link parseHookInput}. */
export type TParseResult = { ok: true; call: TNormalizedCall } | { ok: false; decision: TDecision };

const malformed = (reason: string): TParseResult => ({ ok: false, decision: denyDecision({ rule: "input.malformed", reason }) });

/** Normalizes one raw hook input of `agent`. Malformed input or an unknown agent → deny decision. */
export function parseHookInput(agent: string, raw: string): TParseResult {
  if (!(AGENTS as readonly string[]).includes(agent)) return { ok: false, decision: denyDecision({ rule: "input.unknown_agent", reason: `unknown agent \`${agent}\`; supported agents are ${AGENTS.join(", ")}` }) };
  if (typeof raw !== "string" || raw.length > MAX_INPUT_BYTES) return malformed("hook input is missing or larger than 4 MiB");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return malformed(`hook input from ${agent} is not valid JSON`);
  }
  const obj = asRecord(json);
  if (!obj) return malformed(`hook input from ${agent} is not a JSON object`);
  try {
    const call = ADAPTERS[agent as keyof typeof ADAPTERS](obj);
    return typeof call === "string" ? malformed(call) : { ok: true, call };
  } catch (e) {
    return malformed(`hook input from ${agent} could not be read: ${e instanceof Error ? e.message : "unknown error"}`);
  }
}

type TAdapter = (o: Record<string, unknown>) => TNormalizedCall | string;

function shellCommand(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) {
    const argv = v;
    if (argv.length >= 3 && /(^|\/)(ba|z|da|k)?sh$/.test(argv[0] ?? "") && /^-[a-z]*c[a-z]*$/.test(argv[1] ?? "")) return argv.slice(2).join(" ");
    return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(" ");
  }
  return undefined;
}

function mcpCall(agent: string, event: string, tool: string, server: string | undefined, name: string, payload: unknown, cwd: string | undefined, endpoint?: string): TNormalizedCall {
  return makeCall({ agent, event, tool, kind: "mcp", server, serverEndpoint: endpoint, canonicalTool: canonicalMcpName(server, name), payload, cwd });
}

function claudeLike(agent: "claude-code" | "codex"): TAdapter {
  return (o) => {
    const tool = str(o.tool_name);
    if (tool === undefined || tool === "") return `hook input from ${agent} has no \`tool_name\``;
    const event = str(o.hook_event_name) ?? "PreToolUse";
    const cwd = str(o.cwd);
    const payload = o.tool_input ?? {};
    const input = asRecord(payload);
    const mcp = splitDoubleUnderscore(tool);
    if (mcp) return mcpCall(agent, event, tool, mcp.server, mcp.name, payload, cwd);
    const shellNames = agent === "codex" ? /^(bash|shell|shell_command|exec_command|local_shell|unified_exec|container\.exec|powershell)$/i : /^(bash|powershell)$/i;
    if (shellNames.test(tool) || (tool === "Monitor" && input?.command !== undefined)) {
      const command = shellCommand(input?.command ?? input?.cmd);
      if (command === undefined) return `${tool} call from ${agent} has no \`command\` string`;
      return makeCall({ agent, event, tool, kind: "shell", command, shell: /powershell/i.test(tool) ? "powershell" : "posix", payload, cwd: str(input?.workdir) ?? cwd });
    }
    if (tool === "apply_patch") {
      const patch = str(input?.command) ?? str(input?.patch) ?? str(input?.input) ?? "";
      return makeCall({ agent, event, tool, kind: "file", payload, cwd, filePaths: patchPaths(patch) });
    }
    if (tool === "Monitor") return makeCall({ agent, event, tool, kind: "websocket", payload, cwd, targetUrls: [str(asRecord(input?.ws)?.url) ?? ""].filter((u) => u !== "") });
    const kind: TCallKind = tool === "WebFetch" || tool === "web_fetch" ? "fetch" : /^(WebSearch|web_search|web_search_preview)$/.test(tool) ? "search" : /^(Agent|Task|Workflow|spawn_agent)$/.test(tool) ? "agent" : (fileKind(tool) ?? "other");
    return makeCall({ agent, event, tool, kind, payload, cwd, filePaths: kind === "file" ? filePathsOf(input) : undefined, readOnly: isReadTool(tool) });
  };
}

const gemini: TAdapter = (o) => {
  const tool = str(o.tool_name);
  if (tool === undefined || tool === "") return "hook input from gemini-cli has no `tool_name`";
  const event = str(o.hook_event_name) ?? "BeforeTool";
  const cwd = str(o.cwd);
  const payload = o.tool_input ?? {};
  const input = asRecord(payload);
  const ctx = asRecord(o.mcp_context);
  if (ctx || tool.startsWith("mcp_")) {
    const server = str(ctx?.server_name);
    const name = str(ctx?.tool_name) ?? (server !== undefined && tool.startsWith(`mcp_${server}_`) ? tool.slice(server.length + 5) : tool.replace(/^mcp_/, ""));
    const endpoint = str(ctx?.url) ?? (str(ctx?.tcp) !== undefined ? `tcp://${str(ctx?.tcp) ?? ""}` : [str(ctx?.command), ...(Array.isArray(ctx?.args) ? (ctx.args as unknown[]).map(String) : [])].filter((x) => x !== undefined).join(" ") || undefined);
    return mcpCall("gemini-cli", event, tool, server, name, payload, cwd, endpoint);
  }
  if (tool === "run_shell_command") {
    const command = str(input?.command);
    if (command === undefined) return "run_shell_command call from gemini-cli has no `command` string";
    return makeCall({ agent: "gemini-cli", event, tool, kind: "shell", command, shell: "posix", payload, cwd: str(input?.dir_path) ?? cwd });
  }
  const kind: TCallKind = tool === "web_fetch" ? "fetch" : tool === "google_web_search" ? "search" : (fileKind(tool) ?? (tool === "delegate_to_agent" ? "agent" : "other"));
  return makeCall({ agent: "gemini-cli", event, tool, kind, payload, cwd, filePaths: kind === "file" ? filePathsOf(input) : undefined, readOnly: isReadTool(tool) });
};

const cursor: TAdapter = (o) => {
  const event = str(o.hook_event_name) ?? "";
  const cwd = str(o.cwd) ?? (Array.isArray(o.workspace_roots) ? str(o.workspace_roots[0]) : undefined);
  if (event === "beforeShellExecution") {
    const command = str(o.command);
    if (command === undefined) return "beforeShellExecution input from cursor has no `command`";
    return makeCall({ agent: "cursor", event, tool: "Shell", kind: "shell", command, shell: "posix", payload: { command }, cwd });
  }
  if (event === "beforeMCPExecution") {
    const tool = str(o.tool_name);
    if (tool === undefined) return "beforeMCPExecution input from cursor has no `tool_name`";
    const url = str(o.url);
    let server = str(o.server_name) ?? str(o.server);
    if (server === undefined && url !== undefined) {
      try {
        server = new URL(url).hostname;
      } catch {
        server = undefined;
      }
    }
    return mcpCall("cursor", event, tool, server, tool, maybeJson(o.tool_input) ?? {}, cwd, url ?? str(o.command));
  }
  if (event === "beforeReadFile") {
    const file = str(o.file_path) ?? "";
    return makeCall({ agent: "cursor", event, tool: "Read", kind: "file", payload: { file_path: file }, cwd, filePaths: [file], readOnly: true });
  }
  if (event !== "preToolUse" && event !== "") return makeCall({ agent: "cursor", event, tool: event, kind: "other", payload: o, cwd });
  const tool = str(o.tool_name);
  if (tool === undefined) return "preToolUse input from cursor has no `tool_name`";
  const payload = maybeJson(o.tool_input) ?? {};
  const input = asRecord(payload);
  if (tool.startsWith("MCP:")) return mcpCall("cursor", event, tool, str(o.server_name), tool.slice(4), payload, cwd, str(o.url));
  if (tool === "Shell" || tool === "Terminal" || tool === "run_terminal_cmd") {
    const command = str(input?.command);
    if (command === undefined) return "Shell call from cursor has no `command`";
    return makeCall({ agent: "cursor", event, tool, kind: "shell", command, shell: "posix", payload, cwd: str(input?.cwd) ?? cwd });
  }
  const kind: TCallKind = /^(WebFetch|web_fetch|Fetch)$/i.test(tool) ? "fetch" : /^(WebSearch|web_search)$/i.test(tool) ? "search" : tool === "Task" ? "agent" : (fileKind(tool) ?? "other");
  return makeCall({ agent: "cursor", event, tool, kind, payload, cwd, filePaths: kind === "file" ? filePathsOf(input) : undefined, readOnly: isReadTool(tool) });
};

const COPILOT_BUILTIN = /^(bash|powershell|web_fetch|view|create|edit|glob|grep|task|ask_user|str_replace|str_replace_editor|read_bash|write_bash|stop_bash|list_bash|report_progress|think|fetch|web_search|update_todo)$/;

const copilot: TAdapter = (o) => {
  const tool = str(o.toolName) ?? str(o.tool_name);
  if (tool === undefined || tool === "") return "hook input from copilot has no `toolName`";
  const event = str(o.hook_event_name) ?? "preToolUse";
  const cwd = str(o.cwd);
  const payload = maybeJson(o.toolArgs ?? o.tool_input) ?? {};
  const input = asRecord(payload);
  if (tool === "bash" || tool === "powershell") {
    const command = str(input?.command);
    if (command === undefined) return `${tool} call from copilot has no \`command\``;
    return makeCall({ agent: "copilot", event, tool, kind: "shell", command, shell: tool === "powershell" ? "powershell" : "posix", payload, cwd });
  }
  const mcp = splitDoubleUnderscore(tool);
  if (mcp) return mcpCall("copilot", event, tool, mcp.server, mcp.name, payload, cwd);
  if (!COPILOT_BUILTIN.test(tool) && tool.includes("-")) {
    const i = tool.indexOf("-");
    return mcpCall("copilot", event, tool, tool.slice(0, i), tool.slice(i + 1), payload, cwd);
  }
  const kind: TCallKind = tool === "web_fetch" || tool === "fetch" ? "fetch" : tool === "web_search" ? "search" : tool === "task" ? "agent" : (fileKind(tool) ?? "other");
  return makeCall({ agent: "copilot", event, tool, kind, payload, cwd, filePaths: kind === "file" ? filePathsOf(input) : undefined, readOnly: isReadTool(tool) });
};

const ADAPTERS: Record<(typeof AGENTS)[number], TAdapter> = { "claude-code": claudeLike("claude-code"), codex: claudeLike("codex"), "gemini-cli": gemini, cursor, copilot };
