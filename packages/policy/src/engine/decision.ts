/** Decision constructors. Every deny that an access request could lift ends with the command. */
import type { TDecision } from "../types.js";

/** The exact command that asks the security team for access to `destination`. */
export function requestCommandFor(destination: string): string {
  const safe = /^[\w.:@/[\]-]+$/.test(destination) ? destination : `'${destination.replace(/'/g, "")}'`;
  return `egress-sync request ${safe} --reason "<why>"`;
}

/** A deny decision (used by the engine and by the CLI's fail-closed paths). */
export function denyDecision(opts: { rule: string; reason: string; destination?: string; requestable?: boolean }): TDecision {
  const d: TDecision = { effect: "deny", rule: opts.rule, reason: opts.reason };
  if (opts.destination !== undefined) d.destination = opts.destination;
  if (opts.requestable === true && opts.destination !== undefined) {
    d.requestCommand = requestCommandFor(opts.destination);
    // INVARIANT: a requestable deny reason ends with the exact request command.
    d.reason = `${opts.reason}; to ask for access run: ${d.requestCommand}`;
  }
  return d;
}

/** An allow decision. */
export function allowDecision(rule: string, reason: string, destination?: string): TDecision {
  return destination === undefined ? { effect: "allow", rule, reason } : { effect: "allow", rule, reason, destination };
}

/** Observe mode: turn a deny into an allow that reports what enforce mode would do. */
export function observe(d: TDecision): TDecision {
  if (d.effect === "allow") return d;
  const out: TDecision = { ...d, effect: "allow", wouldDeny: true, rule: "mode.observe", observedRule: d.rule, reason: `observe mode: would deny (${d.rule}): ${d.reason}` };
  return out;
}
