/** Agent adapters, output side: decision → the agent's exact hook protocol (stdout, exit code). */
import type { TDecision, TNormalizedCall } from "../types.js";

/** What the hook process prints and returns. */
export type THookOutput = { stdout: string; stderr: string; exitCode: number };

const PREFIX = "egress-control: ";

/**
 * Renders a decision for `agent`. Denies use each agent's structured deny with exit 0; allows
 * are explicit but never grant extra permissions: Claude Code, Codex, Gemini CLI and Copilot get
 * `{}` (no objection, the agent's own permission prompts still apply), Cursor gets
 * `{"permission":"allow"}` because its fail-closed mode treats empty output as a failure.
 * Unknown agents get the Claude-style JSON deny plus exit 2 with the reason on stderr.
 */
export function renderHookOutput(agent: string, decision: TDecision, _call?: TNormalizedCall): THookOutput {
  const reason = `${PREFIX}${decision.reason}`;
  const note = decision.wouldDeny === true || decision.warn === true ? `${reason}\n` : "";
  if (decision.effect !== "deny") {
    if (agent === "cursor") return { stdout: JSON.stringify({ permission: "allow" }), stderr: note, exitCode: 0 };
    return { stdout: "{}", stderr: note, exitCode: 0 };
  }
  switch (agent) {
    case "claude-code":
    case "codex":
      return { stdout: JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason } }), stderr: "", exitCode: 0 };
    case "gemini-cli":
      return { stdout: JSON.stringify({ decision: "deny", reason }), stderr: "", exitCode: 0 };
    case "cursor":
      return { stdout: JSON.stringify({ permission: "deny", user_message: reason, agent_message: reason }), stderr: "", exitCode: 0 };
    case "copilot":
      return { stdout: JSON.stringify({ permissionDecision: "deny", permissionDecisionReason: reason }), stderr: "", exitCode: 0 };
    default:
      return { stdout: JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason }, decision: "deny", reason }), stderr: reason, exitCode: 2 };
  }
}
