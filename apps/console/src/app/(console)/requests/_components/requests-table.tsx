import { Card, EmptyState } from "@/components/card";
import { formatDateTime } from "@/lib/format";

type TRequest = {
  id: string;
  kind: string;
  target: string;
  reason: string;
  status: "pending" | "approved" | "denied" | "expired";
  createdAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
  allowUntil: Date | null;
  requester: { email: string; name: string | null } | null;
  decidedBy: { email: string } | null;
  device: { name: string; scope: string } | null;
};

const STATUS_BADGE: Record<TRequest["status"], string> = { pending: "badge-warning", approved: "badge-success", denied: "badge-danger", expired: "" };
const FILTERS = [null, "pending", "approved", "denied", "expired"] as const;

/** Access requests, newest first, filtered by status. */
export function RequestsTable({ requests, nextCursor, status }: { requests: TRequest[]; nextCursor: string | null; status: string | null }) {
  const base = status ? `/requests?status=${status}` : "/requests";

  return (
    <Card
      title="Access requests"
      flush
      testId="requests"
      actions={FILTERS.map((filter) => (
        <a key={filter ?? "all"} className={`btn btn-sm ${filter === status ? "btn-primary" : ""}`} href={filter ? `/requests?status=${filter}` : "/requests"}>
          {filter ?? "All"}
        </a>
      ))}
    >
      {requests.length === 0 ? (
        <EmptyState>No access requests{status ? ` with status ${status}` : ""}.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Requested</th>
                <th scope="col">By</th>
                <th scope="col">Access to</th>
                <th scope="col">Reason</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <tr key={request.id} data-testid="request-row">
                  <td className="muted" style={{ whiteSpace: "nowrap" }}>
                    {formatDateTime(request.createdAt)}
                  </td>
                  <td>
                    {request.requester ? (request.requester.name ?? request.requester.email) : "—"}
                    {request.device ? <div className="muted" style={{ fontSize: 12 }}>{request.device.name}</div> : null}
                  </td>
                  <td>
                    <span className="badge">{request.kind}</span> <code>{request.target}</code>
                  </td>
                  <td>{request.reason}</td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[request.status]}`}>{request.status}</span>
                    {request.decidedBy ? (
                      <div className="muted" style={{ fontSize: 12 }}>
                        by {request.decidedBy.email}, {formatDateTime(request.decidedAt)}
                        {request.allowUntil ? ` · until ${formatDateTime(request.allowUntil)}` : ""}
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor ? (
        <div className="pagination">
          <span className="muted">Newest first</span>
          <a className="btn btn-sm" href={`${base}${base.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(nextCursor)}`}>
            Older →
          </a>
        </div>
      ) : null}
    </Card>
  );
}
