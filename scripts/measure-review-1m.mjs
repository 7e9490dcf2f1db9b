#!/usr/bin/env node
// Measures the review queue at scale: seeds N block events (default 1,000,000) with SQL
// generate_series — spread over 2,000 destinations (skewed), 60 connectors, 40 commands, 500
// devices and users, 5 agents, 6 rules and 30 days — into a FRESH database, then times the real
// services behind review.groups / review.groupEvents / review.requestQueue / dashboard.summary.
//
//   node scripts/measure-review-1m.mjs                    # PostgreSQL on 127.0.0.1:5432 (user postgres), new database
//   node scripts/measure-review-1m.mjs --pglite           # embedded PGlite (a temp data directory)
//   node scripts/measure-review-1m.mjs --events 200000    # another size
//   MEASURE_PG_URL=postgresql://postgres@127.0.0.1:5432/postgres   # the maintenance database to create it from
//
// Prints one line per measurement (median and max of repeated runs, in ms) and drops the database.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

// The services are TypeScript: re-run this file under tsx once.
if (!process.env.MEASURE_UNDER_TSX) {
  const run = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, MEASURE_UNDER_TSX: "1", CHECKPOINT_DISABLE: "1", NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=3072`.trim() },
  });
  process.exit(run.status ?? 1);
}

const args = process.argv.slice(2);
const usePglite = args.includes("--pglite");
const eventsArg = args.indexOf("--events");
const EVENTS = eventsArg >= 0 ? Number(args[eventsArg + 1]) : 1_000_000;
const REPEAT = 7;

const { default: pg } = await import("pg");
const { openDatabase, migrateDatabase } = await import("@egress/db");
const api = (p) => import(path.join(root, "packages/api/src/services", p));
const { refreshEventGroups } = await api("review/refresh-event-groups.ts");
const { findEventGroups } = await api("review/find-event-groups.ts");
const { findGroupEvents } = await api("review/find-group-events.ts");
const { findRequestQueue } = await api("review/find-request-queue.ts");
const { triageEventGroup } = await api("review/triage-event-group.ts");
const { getDashboardSummary } = await api("dashboard/get-dashboard-summary.ts");

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (n) => n.toFixed(n < 10 ? 2 : 0).padStart(8);

async function timed(label, fn, repeat = REPEAT) {
  const runs = [];
  let result;
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint();
    result = await fn(i);
    runs.push(ms(start));
  }
  runs.sort((a, b) => a - b);
  console.log(`${label.padEnd(64)} median ${fmt(runs[Math.floor(runs.length / 2)])} ms   max ${fmt(runs[runs.length - 1])} ms`);

  return result;
}

// ── database ────────────────────────────────────────────────────────
let database;
let drop = async () => {};
if (usePglite) {
  const dir = mkdtempSync(path.join(tmpdir(), "egress-measure-"));
  database = openDatabase({ pgliteDir: path.join(dir, "db") });
  drop = async () => rmSync(dir, { recursive: true, force: true });
} else {
  const adminUrl = process.env.MEASURE_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `egress_measure_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  database = openDatabase({ databaseUrl: url.toString() });
  drop = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
}
const db = database.prisma;
console.log(`review queue at scale: ${EVENTS.toLocaleString("en")} events on ${usePglite ? "PGlite (embedded)" : "PostgreSQL"}, ${REPEAT} runs per figure\n`);

try {
  await migrateDatabase({ driver: database.driver });

  // ── seed ──────────────────────────────────────────────────────────
  let start = process.hrtime.bigint();
  const org = await db.organization.create({ data: { slug: "measure", name: "Measure" } });
  const other = await db.organization.create({ data: { slug: "other", name: "Other tenant" } });
  const reviewer = await db.user.create({ data: { email: "reviewer@measure.test" } });
  await db.membership.create({ data: { orgId: org.id, userId: reviewer.id, role: "reviewer" } });
  const actor = { userId: reviewer.id, orgId: org.id, role: "reviewer", label: reviewer.email, type: "user" };
  await db.$executeRawUnsafe(`
    INSERT INTO "Device" (id, "orgId", scope, name, "credentialHash", "lastPullAt", "lastSeenAt", "snapshotVersion", "createdAt")
    SELECT 'dev-' || d, $1, 'default', 'laptop-' || d, md5('cred' || d), now() - (d % 97) * interval '1 hour', now() - (d % 97) * interval '1 hour', 1, now()
    FROM generate_series(1, 500) d`, org.id);
  await db.$executeRawUnsafe(`
    INSERT INTO "Device" (id, "orgId", scope, name, "credentialHash", "createdAt") VALUES ('dev-other', $1, 'default', 'other', md5('other'), now())`, other.id);
  const CHUNK = 250_000;
  for (let from = 1; from <= EVENTS; from += CHUNK) {
    const to = Math.min(EVENTS, from + CHUNK - 1);
    await db.$executeRawUnsafe(`
      INSERT INTO "BlockEvent" (id, "orgId", "deviceId", "eventId", "occurredAt", "receivedAt", type, decision, agent, tool, kind, destination, "groupKey", rule, reason, excerpt, "userName")
      SELECT 'ev' || i, $1, 'dev-' || (1 + (hashint % 500)),
        upper(substr(md5(i::text), 1, 26)),
        ts, ts + interval '20 seconds',
        CASE WHEN r1 < 0.90 THEN 'egress_block' WHEN r1 < 0.97 THEN 'egress_warn' ELSE 'egress_decision' END,
        CASE WHEN r1 < 0.90 THEN 'deny' WHEN r1 < 0.97 THEN 'would_deny' ELSE 'allow' END,
        (ARRAY['claude-code','codex','gemini-cli','cursor','copilot'])[1 + (hashint % 5)],
        CASE WHEN gk LIKE 'connector:%' THEN 'mcp__' || substr(gk, 11) || '__call' ELSE 'Bash' END,
        CASE WHEN gk LIKE 'connector:%' THEN 'mcp' ELSE 'shell' END,
        CASE WHEN gk LIKE '%:%' THEN NULL ELSE gk END,
        gk,
        (ARRAY['hosts.not_allowed','hosts.denied','shell.network','dlp.secret','mcp.not_allowed','tools.denied'])[1 + (hashint % 6)],
        'not on the allow-list',
        'curl -s https://' || gk || '/v1/items -H "Authorization: [redacted]"',
        'user-' || (1 + (hashint % 500))
      FROM (
        SELECT i, r1, hashint, now() - interval '30 seconds' - (random() * interval '30 days') AS ts,
          CASE WHEN r2 < 0.85 THEN 'host-' || floor(2000 * power(random(), 3))::int || '.example.com'
               WHEN r2 < 0.95 THEN 'connector:conn' || floor(60 * random())::int
               ELSE 'command:cmd' || floor(40 * random())::int END AS gk
        FROM (SELECT i, random() AS r1, random() AS r2, abs(hashtext(i::text)) AS hashint FROM generate_series($2::int, $3::int) i) s
      ) t`, org.id, from, to);
    process.stdout.write(`  seeded ${to.toLocaleString("en")} events\r`);
  }
  await db.$executeRawUnsafe(`
    INSERT INTO "AccessRequest" (id, "orgId", "deviceId", kind, target, reason, status, "createdAt", "updatedAt")
    SELECT 'req-' || i, $1, 'dev-' || (1 + i % 500), 'host', 'host-' || (i % 2000) || '.example.com', 'need it for work',
      (CASE WHEN i % 10 = 0 THEN 'pending' WHEN i % 3 = 0 THEN 'denied' ELSE 'approved' END)::"RequestStatus",
      now() - i * interval '1 minute', now()
    FROM generate_series(1, 5000) i`, org.id);
  await db.$executeRawUnsafe(`ANALYZE`);
  console.log(`seed: ${EVENTS.toLocaleString("en")} events, 500 devices, 5,000 requests in ${(ms(start) / 1000).toFixed(1)} s`);

  // ── aggregate ─────────────────────────────────────────────────────
  start = process.hrtime.bigint();
  let folded = 0;
  for (;;) {
    const step = await refreshEventGroups({ db, orgId: org.id, lagSeconds: 0, batchSize: 50_000, budgetMs: 60_000 });
    folded += step.processed;
    if (step.isCaughtUp) break;
  }
  const catchUp = ms(start);
  await db.$executeRawUnsafe(`ANALYZE`);
  const groupCount = await db.eventGroup.count({ where: { orgId: org.id } });
  console.log(`one-off catch-up: folded ${folded.toLocaleString("en")} events into ${groupCount.toLocaleString("en")} groups in ${(catchUp / 1000).toFixed(1)} s (${Math.round(folded / (catchUp / 1000)).toLocaleString("en")} events/s)\n`);

  // Steady state: a device uploads a batch of 500, the next read folds it.
  await db.$executeRawUnsafe(`
    INSERT INTO "BlockEvent" (id, "orgId", "deviceId", "eventId", "occurredAt", "receivedAt", type, decision, agent, "groupKey", destination, rule)
    SELECT 'new' || i, $1, 'dev-1', 'NEW' || lpad(i::text, 23, '0'), now(), now() - interval '10 seconds', 'egress_block', 'deny', 'claude-code', 'host-' || (i % 50) || '.example.com', 'host-' || (i % 50) || '.example.com', 'hosts.not_allowed'
    FROM generate_series(1, 500) i`, org.id);
  await timed("refresh: fold a new upload of 500 events", () => refreshEventGroups({ db, orgId: org.id }), 1);
  await timed("refresh: nothing new (every queue read pays this)", () => refreshEventGroups({ db, orgId: org.id }));

  // ── the queue ─────────────────────────────────────────────────────
  const page = (input) => findEventGroups({ db, actor, input: { filter: {}, sort: "recent", limit: 25, ...input } });
  const first = await timed("review.groups: first page (latest activity, 25)", () => page({}));
  await timed("review.groups: first page, most blocked", () => page({ sort: "count" }));
  await timed("review.groups: state=new + agent + last 7 days", () => page({ filter: { state: "new", agent: "codex", from: new Date(Date.now() - 7 * 86_400_000) } }));
  await timed("review.groups: device filter", () => page({ filter: { deviceId: "dev-42" } }));
  await timed("review.groups: user + rule filter", () => page({ filter: { user: "user-7", rule: "dlp.secret" } }));
  await timed("review.groups: search `host-1`", () => page({ filter: { search: "host-1" } }));
  let cursor = first.nextCursor;
  let depth = 1;
  while (cursor && depth < 40) {
    cursor = (await page({ cursor })).nextCursor;
    depth += 1;
  }
  if (cursor) await timed(`review.groups: deep page (page ${depth + 1}, keyset)`, () => page({ cursor }));
  const biggest = (await page({ sort: "count" })).groups[0];
  const eventsPage = (c) => findGroupEvents({ db, actor, input: { groupId: biggest.id, limit: 20, cursor: c } });
  const ev1 = await timed(`review.groupEvents: first page of the biggest group (${biggest.eventCount.toLocaleString("en")} events)`, () => eventsPage(undefined));
  let evCursor = ev1.nextCursor;
  for (let i = 0; i < 50 && evCursor; i++) evCursor = (await eventsPage(evCursor)).nextCursor;
  if (evCursor) await timed("review.groupEvents: deep page (page 52, keyset)", () => eventsPage(evCursor));
  await timed("review.requestQueue: pending, first page (25) with matching blocks", () => findRequestQueue({ db, actor, input: { status: "pending", limit: 25 } }));
  await timed("review.requestQueue: all statuses, first page (25)", () => findRequestQueue({ db, actor, input: { limit: 25 } }));
  await timed("dashboard.summary: 14 days", () => getDashboardSummary({ db, actor, input: { days: 14 } }));
  await timed("dashboard.summary: 24 hours (hourly)", () => getDashboardSummary({ db, actor, input: { days: 1 } }));
  const mid = (await page({ sort: "count" })).groups[10];
  await timed(`review.triage: acknowledge a group of ${mid.eventCount.toLocaleString("en")} events`, () => triageEventGroup({ db, actor, input: { groupId: mid.id, state: "acknowledged" } }), 1);

  // For comparison: what grouping the raw events on every read would cost.
  await timed("baseline: GROUP BY over the raw events (what the aggregate avoids)", () => db.$queryRawUnsafe(`SELECT "groupKey", count(*), max("occurredAt") AS last FROM "BlockEvent" WHERE "orgId" = $1 GROUP BY 1 ORDER BY last DESC LIMIT 25`, org.id), 3);
} finally {
  await database.close();
  await drop();
}
