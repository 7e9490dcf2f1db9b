import type { Prisma, PrismaClient } from "@egress/db";
import { compilePolicy, evaluate, type TCompiledPolicy, type TDecision } from "@egress/policy";
import type { TActor } from "../../trpc";
import { getPolicyDocument, requireValid, resolvePolicyDocument, toResolved } from "./resolve-document";
import { buildSyntheticCall, type TEventTuple } from "./synthetic-call";
import { groupImpact, type TImpactChange } from "./group-impact";

/** Most distinct (agent, kind, tool, destination, decision) tuples replayed per preview. */
export const IMPACT_MAX_TUPLES = 2000;
/** Most changed tuples broken down by device and user. */
export const IMPACT_MAX_DETAILED = 200;

export type TImpactPreviewInput = { scope: string; days: number; document?: unknown };

type TOutcome = { effect: "allow" | "deny"; rule: string; reason: string; wouldDeny: boolean };

const outcomeOf = (d: TDecision): TOutcome => ({ effect: d.effect, rule: d.observedRule ?? d.rule, reason: d.reason, wouldDeny: d.wouldDeny === true });
const recorded = (decision: string, rule: string | null): TOutcome => ({ effect: decision === "deny" ? "deny" : "allow", rule: rule ?? "recorded", reason: "as recorded by the device", wouldDeny: decision === "would_deny" });

/**
 * Replays the org's events of the last `days` (devices of `scope`) against the draft: each distinct
 * (agent, kind, tool, destination) is rebuilt as a call and evaluated against the published policy
 * (or, with nothing published, the recorded decision) and the draft. Aggregated in SQL first and
 * capped at {@link IMPACT_MAX_TUPLES} tuples (most frequent first); `capped` says when it was.
 */
export async function previewImpact({ db, actor, input, now = new Date() }: { db: PrismaClient; actor: TActor; input: TImpactPreviewInput; now?: Date }) {
  const draftDoc = input.document === undefined ? await getPolicyDocument({ db, actor, scope: input.scope, ref: { type: "draft" } }) : toResolved("working copy", input.document);
  const draft = compilePolicy(requireValid(draftDoc));
  const publishedDoc = await resolvePolicyDocument({ db, actor, scope: input.scope, ref: { type: "published" } });
  const published: TCompiledPolicy | null = publishedDoc?.policy ? compilePolicy(publishedDoc.policy) : null;
  const since = new Date(now.getTime() - input.days * 86_400_000);
  const where: Prisma.BlockEventWhereInput = { orgId: actor.orgId, occurredAt: { gte: since }, device: { scope: input.scope }, type: { not: "egress_gap" } };
  const groups = await db.blockEvent.groupBy({
    by: ["agent", "kind", "tool", "destination", "decision", "rule"],
    where,
    _count: { _all: true },
    orderBy: { _count: { id: "desc" } },
    take: IMPACT_MAX_TUPLES + 1,
  });
  const isCapped = groups.length > IMPACT_MAX_TUPLES;
  const changes = new Map<string, TImpactChange>();
  let events = 0;
  let unreplayable = 0;
  for (const group of groups.slice(0, IMPACT_MAX_TUPLES)) {
    const count = group._count._all;
    events += count;
    const tuple: TEventTuple = { agent: group.agent, kind: group.kind, tool: group.tool, destination: group.destination };
    const call = buildSyntheticCall(tuple);
    if (!call) {
      unreplayable += count;
      continue;
    }
    const before = published ? outcomeOf(evaluate(call, published)) : recorded(group.decision, group.rule);
    const after = outcomeOf(evaluate(call, draft));
    if (before.effect === after.effect) continue;
    const key = JSON.stringify(tuple);
    const existing = changes.get(key);
    if (existing) existing.events += count;
    else changes.set(key, { ...tuple, direction: after.effect === "allow" ? "newly_allowed" : "newly_blocked", events: count, before, after, devices: [], users: [] });
  }
  const grouped = await groupImpact({ db, where, changes: [...changes.values()], limit: IMPACT_MAX_DETAILED });

  return {
    scope: input.scope,
    days: input.days,
    since,
    draftLabel: draftDoc.label,
    baseline: publishedDoc?.policy ? (publishedDoc.label) : "recorded decisions (nothing published)",
    isCapped,
    cap: IMPACT_MAX_TUPLES,
    totals: {
      events,
      tuples: Math.min(groups.length, IMPACT_MAX_TUPLES),
      unreplayable,
      newlyAllowed: grouped.changes.filter((c) => c.direction === "newly_allowed").reduce((n, c) => n + c.events, 0),
      newlyBlocked: grouped.changes.filter((c) => c.direction === "newly_blocked").reduce((n, c) => n + c.events, 0),
    },
    ...grouped,
  };
}
