import type { Metadata } from "next";
import { NoAccess } from "@/components/no-access";
import { PageHeader } from "@/components/page-header";
import { requireConsoleSession } from "@/server/console-session";
import { getServerCaller } from "@/server/trpc/caller";
import { ReviewQueue } from "../_review/review-queue";
import { EventsTable } from "./_components/events-table";

export const metadata: Metadata = { title: "Events" };

const DECISIONS = ["deny", "allow", "warn"] as const;

export default async function EventsPage({ searchParams }: { searchParams: Promise<{ decision?: string; cursor?: string }> }) {
  const { permissions } = await requireConsoleSession();
  if (!permissions["events.read"]) {
    return (
      <>
        <PageHeader title="Events" />
        <NoAccess what="events" permission="events.read" />
      </>
    );
  }
  const search = await searchParams;
  const decision = DECISIONS.find((d) => d === search.decision);
  const page = await (await getServerCaller()).events.list({ decision, cursor: search.cursor?.slice(0, 64) || undefined, limit: 50 });

  return (
    <>
      <PageHeader title="Events" description="Decisions uploaded by devices: what agents tried to reach, and what the policy said." />
      <ReviewQueue canTriage={permissions["events.triage"]} canAllow={permissions["requests.decide"]} />
      <EventsTable events={page.events} nextCursor={page.nextCursor} decision={decision ?? null} isFirstPage={!search.cursor} />
    </>
  );
}
