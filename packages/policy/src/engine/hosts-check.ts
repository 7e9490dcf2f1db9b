/** Destination checks shared by URL calls and shell analysis. */
import { hostSetMatches, type THostSet } from "../hosts/match.js";
import { formatDestination, isLoopback, parseUrlDestination, type TDestination } from "../hosts/normalize.js";
import { destinationOf, type TCallFacts } from "./facts.js";
import type { TDecision } from "../types.js";
import type { TCompiledPolicy } from "./compile.js";
import { denyDecision } from "./decision.js";

/** Checks one destination: explicit deny wins, then loopback, then the allow-list(s). */
export function checkDestination(dest: TDestination, policy: TCompiledPolicy, opts: { rule: string; what: string; allowSets?: (THostSet | undefined)[]; onlySets?: boolean; notAllowed?: string }): TDecision | undefined {
  const shown = formatDestination(dest);
  // INVARIANT: deny rules win over allow rules and over loopback.
  if (hostSetMatches(policy.deny, dest)) return denyDecision({ rule: "hosts.denied", reason: `${opts.what} to \`${shown}\` is on the policy's deny list`, destination: shown });
  if (isLoopback(dest)) {
    return policy.loopbackAllowed ? undefined : denyDecision({ rule: "hosts.loopback", reason: `${opts.what} to loopback \`${shown}\` is denied by policy`, destination: shown });
  }
  const sets = opts.onlySets === true ? (opts.allowSets ?? []) : [policy.allow, ...(opts.allowSets ?? [])];
  for (const s of sets) if (s !== undefined && hostSetMatches(s, dest)) return undefined;
  // `notAllowed`: a list an access request cannot change (requests add hosts to hosts.allow)
  if (opts.notAllowed !== undefined) return denyDecision({ rule: opts.rule, reason: `${opts.what} to \`${shown}\` ${opts.notAllowed}`, destination: shown });
  return denyDecision({ rule: opts.rule, reason: `${opts.what} to \`${shown}\` is not on the allow-list`, destination: shown, requestable: true });
}

/** Checks every URL of a call; `requireOne` makes a call without any destination a deny. */
export function checkUrls(urls: readonly string[], policy: TCompiledPolicy, opts: { what: string; requireOne: boolean; facts?: TCallFacts }): { decision?: TDecision; destinations: string[] } {
  const destinations: string[] = [];
  for (const u of urls) {
    const r = opts.facts ? destinationOf(opts.facts, u) : parseUrlDestination(u);
    if (!r.ok) {
      if (r.why === "local" || (!opts.requireOne && r.why === "no-host")) continue;
      if (opts.requireOne) continue;
      return { decision: denyDecision({ rule: "destination.unknown", reason: `${opts.what}: the destination of \`${u.slice(0, 200)}\` cannot be determined` }), destinations };
    }
    const d = checkDestination(r.dest, policy, { rule: "hosts.not_allowed", what: opts.what });
    if (d) return { decision: d, destinations };
    destinations.push(formatDestination(r.dest));
  }
  if (opts.requireOne) {
    for (const u of urls) {
      const r = opts.facts ? destinationOf(opts.facts, u) : parseUrlDestination(u);
      if (!r.ok && r.why === "invalid") return { decision: denyDecision({ rule: "destination.unknown", reason: `${opts.what}: the destination of \`${u.slice(0, 200)}\` cannot be determined` }), destinations };
    }
    if (destinations.length === 0) return { decision: denyDecision({ rule: "destination.unknown", reason: `${opts.what} carries no destination host that can be verified` }), destinations };
  }
  return { destinations };
}
