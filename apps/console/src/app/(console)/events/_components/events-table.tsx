import { Card, EmptyState } from "@/components/card";
import { formatDateTime } from "@/lib/format";

type TEvent = {
  id: string;
  occurredAt: Date;
  type: string;
  decision: string;
  agent: string;
  tool: string | null;
  destination: string | null;
  groupKey: string;
  rule: string | null;
  reason: string | null;
  policyVersion: number | null;
  triageState: string;
  device: { name: string; hostname: string | null; owner: { email: string } | null };
};

const FILTERS = [
  { label: "All", value: null },
  { label: "Denied", value: "deny" },
  { label: "Allowed", value: "allow" },
  { label: "Warnings", value: "warn" },
] as const;

/** Recent decision events, newest first, with a decision filter and cursor paging. */
export function EventsTable({ events, nextCursor, decision, isFirstPage }: { events: TEvent[]; nextCursor: string | null; decision: string | null; isFirstPage: boolean }) {
  const base = decision ? `/events?decision=${decision}` : "/events";

  return (
    <Card
      title="Recent events"
      flush
      testId="events"
      actions={FILTERS.map((filter) => (
        <a key={filter.label} className={`btn btn-sm ${filter.value === decision ? "btn-primary" : ""}`} href={filter.value ? `/events?decision=${filter.value}` : "/events"}>
          {filter.label}
        </a>
      ))}
    >
      {events.length === 0 ? (
        <EmptyState>No events yet. Devices upload blocked calls (and, at a higher log level, every decision) here.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Decision</th>
                <th scope="col">Agent / tool</th>
                <th scope="col">Destination</th>
                <th scope="col">Reason</th>
                <th scope="col">Device</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} data-testid="event-row">
                  <td className="muted" style={{ whiteSpace: "nowrap" }}>
                    {formatDateTime(event.occurredAt)}
                  </td>
                  <td>
                    <span className={`badge ${event.decision === "deny" ? "badge-danger" : event.decision === "allow" ? "badge-success" : "badge-warning"}`}>{event.decision}</span>
                  </td>
                  <td>
                    {event.agent}
                    {event.tool ? <span className="muted"> · {event.tool}</span> : null}
                  </td>
                  <td>
                    <code>{event.destination ?? event.groupKey}</code>
                  </td>
                  <td>
                    {event.reason ?? "—"}
                    {event.rule ? <div className="muted" style={{ fontSize: 12 }}>rule {event.rule}</div> : null}
                  </td>
                  <td className="muted">
                    {event.device.name}
                    {event.device.owner ? <div style={{ fontSize: 12 }}>{event.device.owner.email}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="pagination">
        <span className="muted">Newest first</span>
        <div className="row">
          {!isFirstPage ? (
            <a className="btn btn-sm" href={base}>
              Newest
            </a>
          ) : null}
          {nextCursor ? (
            <a className="btn btn-sm" href={`${base}${base.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(nextCursor)}`} data-testid="events-next-page">
              Older →
            </a>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
