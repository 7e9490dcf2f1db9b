import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { refreshEventGroups } from "./refresh-event-groups";

const PER_FACET = 50;

/** Values the queue's filters offer: the agents, rules, users and devices seen in the org's blocks, most events first. */
export async function findReviewFilterOptions({ db, actor }: { db: PrismaClient; actor: TActor }) {
  await refreshEventGroups({ db, orgId: actor.orgId });
  const rows = await db.$queryRaw<{ facet: string; value: string; events: number }[]>`
    SELECT facet, value, events FROM (
      SELECT facet, value, sum("eventCount")::int AS events, row_number() OVER (PARTITION BY facet ORDER BY sum("eventCount") DESC, value) AS rank
      FROM "EventGroupFacet" WHERE "orgId" = ${actor.orgId} GROUP BY facet, value
    ) ranked WHERE rank <= ${PER_FACET}::int ORDER BY facet, events DESC, value`;
  const values = (facet: string) => rows.filter((r) => r.facet === facet).map((r) => r.value);
  const devices = await db.device.findMany({ where: { orgId: actor.orgId, id: { in: values("device") } }, select: { id: true, name: true } });

  return { agents: values("agent"), rules: values("rule"), users: values("user"), devices };
}
