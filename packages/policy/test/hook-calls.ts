/** One hook call decided end to end (parseHookInput → evaluate), for the test files that check decisions. */
import { evaluate, parseHookInput, type TCompiledPolicy, type TDecision, type TEvaluationContext } from "../src/index.js";

/** The project directory every call below runs in; the home directory is /home/dev */
export const PROJECT_CWD = "/home/dev/project";

/** Decides a `tool` call with `input` as `agent` sends it (Claude Code by default) from the project directory. */
export function decideTool(policy: TCompiledPolicy, tool: string, input: Record<string, unknown>, opts: { agent?: string; ctx?: TEvaluationContext } = {}): TDecision {
  const agent = opts.agent ?? "claude-code";
  const r = parseHookInput(agent, JSON.stringify({ session_id: "s", cwd: PROJECT_CWD, hook_event_name: agent === "gemini-cli" ? "BeforeTool" : "PreToolUse", tool_name: tool, tool_input: input }));
  if (!r.ok) throw new Error(`unparsed: ${r.decision.reason}`);
  return evaluate(r.call, policy, opts.ctx);
}

/** `decideTool` for a Bash command. */
export function decideBash(policy: TCompiledPolicy, command: string, ctx?: TEvaluationContext): TDecision {
  return decideTool(policy, "Bash", { command }, { ctx });
}
