import { redactText, redactValue } from "@egress/policy/engine";
import type { TDecision, TNormalizedCall } from "@egress/policy/engine";
import type { TDecisionEvent } from "@egress/contracts";

import { appendLogLine, shouldLog } from "../log/log";
import { appendSpoolEvent } from "../spool/spool";
import { newEventId } from "../spool/ids";
import type { TStatePaths } from "../state/paths";

const EXCERPT_CHARS = 400;

type TDlp = Parameters<typeof redactText>[1];

function clip(text: string | undefined, max: number): string | undefined {
  if (text === undefined) return undefined;

  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The event type of a decision */
export function eventTypeOf(decision: TDecision): TDecisionEvent["event"] {
  if (decision.effect === "deny" || decision.wouldDeny) return "egress_block";
  if (decision.warn) return "egress_warn";

  return "egress_decision";
}

/**
 * Builds the (redacted) event of one decision. INVARIANT: every free-text field goes through
 * redactText/redactValue before it leaves this function, so nothing secret reaches disk
 */
export function buildEvent(opts: { agent: string; call?: TNormalizedCall; decision: TDecision; policyVersion?: number; now: Date; user?: string; dlp?: TDlp }): TDecisionEvent {
  const { call, decision, dlp } = opts;
  const redact = (text: string | undefined, max: number): string | undefined => (text === undefined ? undefined : clip(redactText(text, dlp), max));
  const payload = call ? (call.command ?? JSON.stringify(redactValue(call.payload, dlp)) ?? "") : undefined;
  const event: TDecisionEvent = {
    id: newEventId(opts.now.getTime()),
    ts: opts.now.toISOString(),
    event: eventTypeOf(decision),
    decision: decision.effect === "deny" ? "deny" : decision.wouldDeny ? "would_deny" : decision.warn ? "warn" : "allow",
    agent: opts.agent.slice(0, 64),
  };
  if (call) {
    event.tool = clip(call.tool, 256);
    event.kind = call.kind;
  }
  const destination = redact(decision.destination, 1024);
  if (destination) event.destination = destination;
  event.rule = clip(decision.observedRule ?? decision.rule, 128);
  event.reason = redact(decision.reason, 4096);
  if (opts.policyVersion !== undefined) event.policyVersion = opts.policyVersion;
  const excerpt = redact(payload, EXCERPT_CHARS);
  if (excerpt) event.excerpt = excerpt;
  if (opts.user) event.user = clip(opts.user, 128);

  return event;
}

/**
 * Spools blocks (and warnings; every decision at log level 2) and writes the local log at the
 * policy's level. Never throws: recording must not change a decision
 */
export function recordDecision(opts: { paths: TStatePaths; logLevel: number; event: TDecisionEvent }): void {
  const { event, paths } = opts;
  try {
    if (event.event !== "egress_decision" || opts.logLevel >= 2) appendSpoolEvent({ stateDir: paths.dir, event });
  } catch {
    // A full disk must not turn a decision around
  }
  const type = event.event === "egress_gap" ? "egress_block" : event.event;
  if (shouldLog({ level: opts.logLevel, event: type })) appendLogLine({ file: paths.log, entry: { ...event, event: type } });
}
