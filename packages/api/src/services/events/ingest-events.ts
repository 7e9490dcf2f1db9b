import { ZDecisionEventSchema, type TDecisionEvent, type TEventBatchResponse } from "@egress/contracts";
import type { Device, PrismaClient } from "@egress/db";
import { redactFreeText } from "../policy/policy-engine";
import { getGroupKey } from "./group-key";

type TResult = TEventBatchResponse["results"][number];

/**
 * Stores a batch of device events for the device's org. Each event is validated on its own (a bad
 * one is `rejected` with the reason, the others are kept); (deviceId, eventId) deduplicates resent
 * batches (`duplicate`); text fields are redacted again server-side before they are stored.
 */
export async function ingestEvents({ db, device, events }: { db: PrismaClient; device: Device; events: unknown[] }): Promise<TEventBatchResponse> {
  const results: TResult[] = [];
  const valid: { index: number; event: TDecisionEvent }[] = [];
  const seen = new Set<string>();
  events.forEach((raw, index) => {
    const parsed = ZDecisionEventSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const id = typeof (raw as { id?: unknown } | null)?.id === "string" ? String((raw as { id: string }).id).slice(0, 64) : undefined;
      results.push({ index, id, status: "rejected", message: issue ? `${issue.path.join(".") || "(event)"}: ${issue.message}` : "invalid event" });
      return;
    }
    if (seen.has(parsed.data.id)) {
      results.push({ index, id: parsed.data.id, status: "duplicate" });
      return;
    }
    seen.add(parsed.data.id);
    valid.push({ index, event: parsed.data });
  });
  const existing = new Set(
    valid.length === 0
      ? []
      : (await db.blockEvent.findMany({ where: { deviceId: device.id, eventId: { in: valid.map((v) => v.event.id) } }, select: { eventId: true } })).map((row) => row.eventId),
  );
  const fresh = valid.filter((v) => !existing.has(v.event.id));
  for (const v of valid) if (existing.has(v.event.id)) results.push({ index: v.index, id: v.event.id, status: "duplicate" });
  if (fresh.length > 0) {
    await db.blockEvent.createMany({ data: fresh.map(({ event }) => toRow(device, event)), skipDuplicates: true });
    await db.device.update({ where: { id: device.id }, data: { lastSeenAt: new Date() } });
  }
  for (const v of fresh) results.push({ index: v.index, id: v.event.id, status: "stored" });
  results.sort((a, b) => a.index - b.index);
  const count = (status: TResult["status"]) => results.filter((r) => r.status === status).length;

  return { stored: count("stored"), duplicates: count("duplicate"), rejected: count("rejected"), results };
}

function toRow(device: Device, event: TDecisionEvent) {
  const excerpt = redactFreeText(event.excerpt);
  const destination = redactFreeText(event.destination);

  return {
    orgId: device.orgId,
    deviceId: device.id,
    eventId: event.id,
    occurredAt: new Date(event.ts),
    type: event.event,
    decision: event.decision,
    agent: event.agent,
    tool: event.tool ?? null,
    kind: event.kind ?? null,
    destination: destination ?? null,
    groupKey: getGroupKey({ ...event, destination, excerpt }),
    rule: event.rule ?? null,
    reason: redactFreeText(event.reason) ?? null,
    policyVersion: event.policyVersion ?? null,
    excerpt: excerpt ?? null,
    userName: event.user ?? null,
    details: event.dropped === undefined ? undefined : { dropped: event.dropped },
  };
}
