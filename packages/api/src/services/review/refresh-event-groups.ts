import type { Prisma, PrismaClient } from "@egress/db";

/**
 * Events younger than this are left for the next refresh. `receivedAt` is the ingest statement's
 * start time, so an upload that commits late could otherwise land behind the watermark and be
 * skipped; ingest is one INSERT, committed well within this lag.
 */
export const AGGREGATE_LAG_SECONDS = 3;
const BATCH_SIZE = 20_000;
const TIME_BUDGET_MS = 1_500;

/**
 * Folds one batch of the org's events past its watermark into EventGroup (counts, first/last
 * seen, latest rule/reason/excerpt), EventGroupFacet (device/user/agent/rule, whose new rows bump
 * the distinct counts) and EventBucket (hourly totals), and moves the watermark, all in one
 * statement. Only blocks and warnings form groups; every event counts in the buckets.
 */
async function foldBatch(tx: Prisma.TransactionClient, orgId: string, lagSeconds: number, batchSize: number) {
  const rows = await tx.$queryRaw<{ processed: number }[]>`
WITH cur AS (
  SELECT COALESCE((SELECT "receivedAt" FROM "EventAggregateCursor" WHERE "orgId" = ${orgId}), '-infinity'::timestamp) AS at,
         COALESCE((SELECT "eventId" FROM "EventAggregateCursor" WHERE "orgId" = ${orgId}), '') AS eid
), batch AS MATERIALIZED (
  SELECT e.id, e."receivedAt", e."groupKey", e."occurredAt", e."deviceId", e."userName", e.agent, e.tool, e.destination, e.rule, e.reason, e.excerpt, e.decision, e.type
  FROM "BlockEvent" e, cur
  WHERE e."orgId" = ${orgId} AND (e."receivedAt", e.id) > (cur.at, cur.eid) AND e."receivedAt" <= LOCALTIMESTAMP - make_interval(secs => ${lagSeconds}::int)
  ORDER BY e."receivedAt", e.id
  LIMIT ${batchSize}::int
), blocks AS MATERIALIZED (
  SELECT * FROM batch WHERE type IN ('egress_block', 'egress_warn')
), facet_rows AS (
  INSERT INTO "EventGroupFacet" ("orgId", "groupKey", facet, value, "eventCount", "lastSeen")
  SELECT ${orgId}, b."groupKey", f.facet, f.value, count(*)::int, max(b."occurredAt")
  FROM blocks b CROSS JOIN LATERAL (VALUES ('device', b."deviceId"), ('user', b."userName"), ('agent', b.agent), ('rule', b.rule)) AS f(facet, value)
  WHERE f.value IS NOT NULL
  GROUP BY b."groupKey", f.facet, f.value
  ON CONFLICT ("orgId", "groupKey", facet, value) DO UPDATE SET
    "eventCount" = "EventGroupFacet"."eventCount" + EXCLUDED."eventCount",
    "lastSeen" = GREATEST("EventGroupFacet"."lastSeen", EXCLUDED."lastSeen")
  RETURNING "groupKey", facet, (xmax = 0) AS inserted
), new_facets AS (
  SELECT "groupKey", count(*) FILTER (WHERE facet = 'device' AND inserted)::int AS devices, count(*) FILTER (WHERE facet = 'user' AND inserted)::int AS users
  FROM facet_rows GROUP BY "groupKey"
), latest AS (
  SELECT DISTINCT ON ("groupKey") * FROM blocks ORDER BY "groupKey", "occurredAt" DESC, id DESC
), agg AS (
  SELECT "groupKey", count(*)::int AS n, count(*) FILTER (WHERE type = 'egress_block')::int AS blocked, min("occurredAt") AS first, max("occurredAt") AS last
  FROM blocks GROUP BY "groupKey"
), groups AS (
  INSERT INTO "EventGroup" (id, "orgId", "groupKey", kind, "eventCount", "blockCount", "deviceCount", "userCount", "firstSeen", "lastSeen",
    "lastAgent", "lastTool", "lastDestination", "lastRule", "lastReason", "lastExcerpt", "lastDecision", "updatedAt")
  SELECT gen_random_uuid()::text, ${orgId}, a."groupKey",
    CASE WHEN a."groupKey" LIKE 'connector:%' THEN 'connector' WHEN a."groupKey" LIKE 'command:%' THEN 'command' WHEN a."groupKey" LIKE 'tool:%' THEN 'tool' ELSE 'host' END,
    a.n, a.blocked, COALESCE(nf.devices, 0), COALESCE(nf.users, 0), a.first, a.last,
    l.agent, l.tool, l.destination, l.rule, l.reason, l.excerpt, l.decision, LOCALTIMESTAMP
  FROM agg a JOIN latest l USING ("groupKey") LEFT JOIN new_facets nf USING ("groupKey")
  ON CONFLICT ("orgId", "groupKey") DO UPDATE SET
    "eventCount" = "EventGroup"."eventCount" + EXCLUDED."eventCount",
    "blockCount" = "EventGroup"."blockCount" + EXCLUDED."blockCount",
    "deviceCount" = "EventGroup"."deviceCount" + EXCLUDED."deviceCount",
    "userCount" = "EventGroup"."userCount" + EXCLUDED."userCount",
    "firstSeen" = LEAST("EventGroup"."firstSeen", EXCLUDED."firstSeen"),
    "lastSeen" = GREATEST("EventGroup"."lastSeen", EXCLUDED."lastSeen"),
    "lastAgent" = CASE WHEN EXCLUDED."lastSeen" >= "EventGroup"."lastSeen" THEN EXCLUDED."lastAgent" ELSE "EventGroup"."lastAgent" END,
    "lastTool" = CASE WHEN EXCLUDED."lastSeen" >= "EventGroup"."lastSeen" THEN EXCLUDED."lastTool" ELSE "EventGroup"."lastTool" END,
    "lastDestination" = CASE WHEN EXCLUDED."lastSeen" >= "EventGroup"."lastSeen" THEN EXCLUDED."lastDestination" ELSE "EventGroup"."lastDestination" END,
    "lastRule" = CASE WHEN EXCLUDED."lastSeen" >= "EventGroup"."lastSeen" THEN EXCLUDED."lastRule" ELSE "EventGroup"."lastRule" END,
    "lastReason" = CASE WHEN EXCLUDED."lastSeen" >= "EventGroup"."lastSeen" THEN EXCLUDED."lastReason" ELSE "EventGroup"."lastReason" END,
    "lastExcerpt" = CASE WHEN EXCLUDED."lastSeen" >= "EventGroup"."lastSeen" THEN EXCLUDED."lastExcerpt" ELSE "EventGroup"."lastExcerpt" END,
    "lastDecision" = CASE WHEN EXCLUDED."lastSeen" >= "EventGroup"."lastSeen" THEN EXCLUDED."lastDecision" ELSE "EventGroup"."lastDecision" END,
    "updatedAt" = EXCLUDED."updatedAt"
  RETURNING 1
), buckets AS (
  INSERT INTO "EventBucket" ("orgId", hour, blocked, warned, total)
  SELECT ${orgId}, date_trunc('hour', "occurredAt"), count(*) FILTER (WHERE type = 'egress_block')::int, count(*) FILTER (WHERE type = 'egress_warn')::int, count(*)::int
  FROM batch GROUP BY 2
  ON CONFLICT ("orgId", hour) DO UPDATE SET
    blocked = "EventBucket".blocked + EXCLUDED.blocked, warned = "EventBucket".warned + EXCLUDED.warned, total = "EventBucket".total + EXCLUDED.total
  RETURNING 1
), mark AS (
  SELECT "receivedAt", id FROM batch ORDER BY "receivedAt" DESC, id DESC LIMIT 1
), moved AS (
  INSERT INTO "EventAggregateCursor" ("orgId", "receivedAt", "eventId", "updatedAt")
  SELECT ${orgId}, "receivedAt", id, LOCALTIMESTAMP FROM mark
  ON CONFLICT ("orgId") DO UPDATE SET "receivedAt" = EXCLUDED."receivedAt", "eventId" = EXCLUDED."eventId", "updatedAt" = EXCLUDED."updatedAt"
  RETURNING 1
)
SELECT (SELECT count(*) FROM batch)::int AS processed, (SELECT count(*) FROM groups)::int AS groups, (SELECT count(*) FROM buckets)::int AS buckets, (SELECT count(*) FROM moved)::int AS moved`;

  return Number(rows[0]?.processed ?? 0);
}

/**
 * Brings the org's review aggregates up to date with its events (incremental: only events past
 * the watermark are read, through the `(orgId, receivedAt, id)` index). A per-org advisory lock
 * keeps concurrent readers from counting a batch twice: a reader that finds it taken reads the
 * aggregates as they are. Stops after a time budget; `isCaughtUp` says whether events remain.
 */
export async function refreshEventGroups({ db, orgId, lagSeconds = AGGREGATE_LAG_SECONDS, batchSize = BATCH_SIZE, budgetMs = TIME_BUDGET_MS }: { db: PrismaClient; orgId: string; lagSeconds?: number; batchSize?: number; budgetMs?: number }) {
  const started = Date.now();
  let processed = 0;
  for (;;) {
    const step = await db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${`egress.review:${orgId}`})) AS locked`;
        if (!lock?.locked) return null;

        return foldBatch(tx, orgId, lagSeconds, batchSize);
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    if (step === null) return { processed, isCaughtUp: false };
    processed += step;
    if (step < batchSize) return { processed, isCaughtUp: true };
    if (Date.now() - started > budgetMs) return { processed, isCaughtUp: false };
  }
}
