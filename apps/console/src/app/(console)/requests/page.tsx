import type { Metadata } from "next";
import { NoAccess } from "@/components/no-access";
import { PageHeader } from "@/components/page-header";
import { requireConsoleSession } from "@/server/console-session";
import { getServerCaller } from "@/server/trpc/caller";
import { MyRequests } from "../_review/my-requests";
import { RequestQueue } from "../_review/request-queue";
import { RequestsTable } from "./_components/requests-table";

export const metadata: Metadata = { title: "Requests" };

const STATUSES = ["pending", "approved", "denied", "expired"] as const;

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string }> }) {
  const { permissions } = await requireConsoleSession();
  if (!permissions["requests.read"]) {
    return (
      <>
        <PageHeader title="Requests" />
        <NoAccess what="access requests" permission="requests.read" />
        {permissions["requests.create"] ? <MyRequests /> : null}
      </>
    );
  }
  const search = await searchParams;
  const status = STATUSES.find((s) => s === search.status);
  const page = await (await getServerCaller()).requests.list({ status, cursor: search.cursor?.slice(0, 64) || undefined, limit: 50 });

  return (
    <>
      <PageHeader title="Requests" description="Developers ask for access with `egress-sync request`; reviewers decide here." />
      <RequestQueue canDecide={permissions["requests.decide"]} />
      <RequestsTable requests={page.requests} nextCursor={page.nextCursor} status={status ?? null} />
      {permissions["requests.create"] ? <MyRequests /> : null}
    </>
  );
}
