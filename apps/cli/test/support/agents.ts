import { expect } from "vitest";

import type { TRunResult } from "./cli";

type TOutput = Record<string, unknown> & { hookSpecificOutput: Record<string, unknown> };

export const AGENT_NAMES = ["claude-code", "codex", "gemini-cli", "cursor", "copilot"] as const;
export type TAgentName = (typeof AGENT_NAMES)[number];

/** A shell call in each agent's exact hook input format (agent-hooks.md) */
export function shellInput(agent: TAgentName, command: string, cwd = "/tmp"): Record<string, unknown> {
  switch (agent) {
    case "claude-code":
      return { session_id: "s1", transcript_path: "/tmp/t.jsonl", cwd, permission_mode: "default", hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command, description: "run" }, tool_use_id: "toolu_1" };
    case "codex":
      return { session_id: "s1", turn_id: "1", transcript_path: null, cwd, hook_event_name: "PreToolUse", model: "gpt-5-codex", permission_mode: "default", tool_name: "Bash", tool_use_id: "call_1", tool_input: { command } };
    case "gemini-cli":
      return { session_id: "s1", transcript_path: "/tmp/c.json", cwd, hook_event_name: "BeforeTool", timestamp: "2026-08-21T10:00:00.000Z", tool_name: "run_shell_command", tool_input: { command } };
    case "cursor":
      return { hook_event_name: "beforeShellExecution", conversation_id: "c1", generation_id: "g1", workspace_roots: [cwd], cursor_version: "3.9.16", command, cwd, sandbox: false };
    case "copilot":
      return { sessionId: "s1", timestamp: 1760000000000, cwd, toolName: "bash", toolArgs: JSON.stringify({ command }) };
  }
}

/** An MCP call with `args`, in each agent's format */
export function mcpInput(agent: TAgentName, args: Record<string, unknown>): Record<string, unknown> {
  switch (agent) {
    case "claude-code":
    case "codex":
      return { session_id: "s1", cwd: "/tmp", hook_event_name: "PreToolUse", tool_name: "mcp__fetcher__fetch", tool_input: args, tool_use_id: "t1" };
    case "gemini-cli":
      return { session_id: "s1", cwd: "/tmp", hook_event_name: "BeforeTool", tool_name: "mcp_fetcher_fetch", tool_input: args, mcp_context: { server_name: "fetcher", tool_name: "fetch" } };
    case "cursor":
      return { hook_event_name: "beforeMCPExecution", conversation_id: "c1", generation_id: "g1", workspace_roots: ["/tmp"], tool_name: "fetch", tool_input: JSON.stringify(args), command: "npx fetcher-mcp" };
    case "copilot":
      return { sessionId: "s1", timestamp: 1760000000000, cwd: "/tmp", toolName: "fetcher-fetch", toolArgs: args };
  }
}

/** Asserts a deny in `agent`'s exact protocol and returns the reason shown to the agent */
export function expectDeny(agent: TAgentName, result: TRunResult): string {
  expect(result.code, `exit code (stderr: ${result.stderr})`).toBe(0);
  const out = JSON.parse(result.stdout) as TOutput;
  switch (agent) {
    case "claude-code":
    case "codex":
      expect(Object.keys(out)).toEqual(["hookSpecificOutput"]);
      expect(out.hookSpecificOutput.hookEventName).toBe("PreToolUse");
      expect(out.hookSpecificOutput.permissionDecision).toBe("deny");

      return out.hookSpecificOutput.permissionDecisionReason as string;
    case "gemini-cli":
      expect(out.decision).toBe("deny");

      return out.reason as string;
    case "cursor":
      expect(out.permission).toBe("deny");
      expect(out.user_message).toBe(out.agent_message);

      return out.user_message as string;
    case "copilot":
      expect(out.permissionDecision).toBe("deny");

      return out.permissionDecisionReason as string;
  }
}

/** Asserts an explicit allow in `agent`'s protocol */
export function expectAllow(agent: TAgentName, result: TRunResult): void {
  expect(result.code, `exit code (stderr: ${result.stderr})`).toBe(0);
  const out = JSON.parse(result.stdout) as TOutput;
  if (agent === "cursor") expect(out).toEqual({ permission: "allow" });
  else expect(JSON.stringify(out)).not.toMatch(/deny|block/);
}
