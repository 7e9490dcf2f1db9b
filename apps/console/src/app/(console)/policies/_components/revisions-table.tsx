import { Card, EmptyState } from "@/components/card";
import { formatDateTime } from "@/lib/format";

type TRevision = {
  id: string;
  number: number;
  status: "pending_approval" | "published" | "rejected";
  note: string | null;
  digest: string;
  createdAt: Date;
  publishedAt: Date | null;
  rollbackOfId: string | null;
  createdBy: string | null;
  approvedBy: string | null;
  snapshotVersions: number[];
};

const STATUS_BADGE: Record<TRevision["status"], string> = { published: "badge-success", pending_approval: "badge-warning", rejected: "badge-danger" };

/** Revision history, newest first. */
export function RevisionsTable({ revisions }: { revisions: TRevision[] }) {
  return (
    <Card title="Revisions" flush testId="policy-revisions">
      {revisions.length === 0 ? (
        <EmptyState>No revisions yet.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Status</th>
                <th scope="col">Note</th>
                <th scope="col">By</th>
                <th scope="col">Published</th>
                <th scope="col">Digest</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((revision) => (
                <tr key={revision.id} data-testid="revision-row">
                  <td style={{ fontWeight: 600 }}>{revision.number}</td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[revision.status]}`}>{revision.status.replace("_", " ")}</span>
                    {revision.rollbackOfId ? <span className="badge">rollback</span> : null}
                  </td>
                  <td>{revision.note ?? <span className="muted">—</span>}</td>
                  <td className="muted">
                    {revision.createdBy ?? "—"}
                    {revision.approvedBy ? ` (approved by ${revision.approvedBy})` : ""}
                  </td>
                  <td className="muted">{formatDateTime(revision.publishedAt)}</td>
                  <td>
                    <code title={revision.digest}>{revision.digest.slice(0, 12)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
