import type { THookOutput } from "./decide";

/**
 * Last-resort deny rendering, used only when the engine itself failed (catch-all or deadline).
 * Hand-written per agent-hooks.md §6.3 so it cannot depend on the code that just failed
 */
export function fallbackDenyOutput(opts: { agent: string; reason: string }): THookOutput {
  const reason = `egress-control: ${opts.reason}`;
  switch (opts.agent) {
    case "claude-code":
    case "codex":
      return { stdout: `${JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason } })}\n`, stderr: "", exitCode: 0 };
    case "gemini-cli":
      return { stdout: `${JSON.stringify({ decision: "deny", reason })}\n`, stderr: "", exitCode: 0 };
    case "cursor":
      return { stdout: `${JSON.stringify({ permission: "deny", user_message: reason, agent_message: reason })}\n`, stderr: "", exitCode: 0 };
    case "copilot":
      return { stdout: `${JSON.stringify({ permissionDecision: "deny", permissionDecisionReason: reason })}\n`, stderr: "", exitCode: 0 };
    default:
      // Unknown agent: exit 2 with the reason on stderr blocks in every agent that honours exit codes
      return { stdout: "", stderr: `${reason}\n`, exitCode: 2 };
  }
}
