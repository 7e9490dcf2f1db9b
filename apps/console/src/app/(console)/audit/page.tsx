import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, EmptyState } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { formatDateTime } from "@/lib/format";
import { requireConsoleSession } from "@/server/console-session";
import { getServerCaller } from "@/server/trpc/caller";
import { AuditFilters } from "./_components/audit-filters";
import { AuditDetails } from "./_components/audit-details";

export const metadata: Metadata = { title: "Audit" };

const PAGE_SIZE = 50;

type TSearch = { actor?: string; action?: string; from?: string; to?: string; cursor?: string };

/** `YYYY-MM-DD` (a day in UTC) or nothing. */
function parseDay(value: string | undefined, endOfDay: boolean): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}Z`);

  return Number.isNaN(date.getTime()) ? undefined : date;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const { permissions } = await requireConsoleSession();
  if (!permissions["audit.read"]) redirect("/");
  const search = await searchParams;
  const filters = { actor: search.actor?.trim().slice(0, 200) || undefined, action: search.action?.trim().slice(0, 100) || undefined, from: parseDay(search.from, false), to: parseDay(search.to, true) };
  const page = await (await getServerCaller()).audit.list({ ...filters, cursor: search.cursor?.slice(0, 200) || undefined, limit: PAGE_SIZE });
  const query = new URLSearchParams(Object.entries({ actor: search.actor, action: search.action, from: search.from, to: search.to }).filter((entry): entry is [string, string] => !!entry[1]));
  const nextHref = page.nextCursor ? `/audit?${new URLSearchParams([...query, ["cursor", page.nextCursor]]).toString()}` : null;

  return (
    <>
      <PageHeader title="Audit log" description="Every change in this organization: who did it, when, and what changed." />
      <AuditFilters initial={{ actor: search.actor ?? "", action: search.action ?? "", from: search.from ?? "", to: search.to ?? "" }} />
      <Card flush testId="audit-log">
        {page.items.length === 0 ? (
          <EmptyState>No audit events match these filters.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((event) => (
                  <tr key={event.id} data-testid="audit-row">
                    <td className="muted" style={{ whiteSpace: "nowrap" }}>
                      {formatDateTime(event.createdAt)}
                    </td>
                    <td>
                      <div data-testid="audit-actor">{event.actorLabel}</div>
                      <div className="muted" style={{ fontSize: 12 }}>
                        {event.actorType}
                      </div>
                    </td>
                    <td>
                      <code data-testid="audit-action">{event.action}</code>
                    </td>
                    <td className="muted">{event.targetType ? `${event.targetType} ${event.targetId ?? ""}` : "—"}</td>
                    <td>
                      <AuditDetails before={event.before} after={event.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="pagination">
          <span className="muted">{search.cursor ? "Older events" : "Newest first"}</span>
          <div className="row">
            {search.cursor ? (
              <a className="btn btn-sm" href={`/audit?${query.toString()}`} data-testid="audit-first-page">
                Newest
              </a>
            ) : null}
            {nextHref ? (
              <a className="btn btn-sm" href={nextHref} data-testid="audit-next-page">
                Older →
              </a>
            ) : null}
          </div>
        </div>
      </Card>
    </>
  );
}
