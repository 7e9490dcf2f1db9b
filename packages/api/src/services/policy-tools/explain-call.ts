import { evaluate, parseHookInput, type TCompiledPolicy, type TDecision, type TNormalizedCall } from "@egress/policy";

/** What the console shows about one evaluated call. */
export type TCallExplanation = {
  decision: TDecision;
  /** The outcome in enforce mode (observe mode allows but reports `wouldDeny`). */
  enforcedEffect: "allow" | "deny";
  enforcedRule: string;
  call: { agent: string; tool: string; kind: string; server: string | null; command: string | null; urls: string[] } | null;
  steps: string[];
};

const summary = (call: TNormalizedCall): NonNullable<TCallExplanation["call"]> => ({
  agent: call.agent,
  tool: call.tool,
  kind: call.kind,
  server: call.server ?? null,
  command: call.command ?? null,
  urls: call.urls.slice(0, 20),
});

/**
 * Parses a raw hook input of `agent` and evaluates it against a compiled policy, with the steps
 * that led to the decision in words (how the input was read, what decided, what observe mode did).
 */
export function explainCall({ agent, raw, compiled, gitRemotes }: { agent: string; raw: string; compiled: TCompiledPolicy; gitRemotes?: Record<string, string> | undefined }): TCallExplanation {
  const parsed = parseHookInput(agent, raw);
  if (!parsed.ok) {
    return { decision: parsed.decision, enforcedEffect: "deny", enforcedRule: parsed.decision.rule, call: null, steps: [`the input could not be read as a ${agent} hook call: ${parsed.decision.reason}`, "unreadable input is denied (fail closed)"] };
  }
  const call = parsed.call;
  const decision = evaluate(call, compiled, { gitRemotes });
  const enforcedEffect = decision.wouldDeny === true ? "deny" : decision.effect;
  const enforcedRule = decision.observedRule ?? decision.rule;
  const steps = [
    `read as a \`${call.kind}\` call of tool \`${call.tool}\`${call.server ? ` on MCP server \`${call.server}\`` : ""}`,
    ...(call.command ? [`shell command: ${call.command.slice(0, 300)}`] : []),
    call.urls.length > 0 ? `destinations found: ${call.urls.slice(0, 10).join(", ")}` : "no URL found in the call",
    `decided by \`${enforcedRule}\`: ${decision.reason}`,
    ...(decision.wouldDeny ? ["the policy is in observe mode: the call is allowed, but enforce mode would deny it"] : []),
    ...(decision.warn ? ["a DLP rule with action `warn` matched: allowed with a warning"] : []),
    ...(decision.requestCommand ? [`a developer can ask for access with: ${decision.requestCommand}`] : []),
  ];

  return { decision, enforcedEffect, enforcedRule, call: summary(call), steps };
}

