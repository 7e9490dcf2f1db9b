import { Card } from "@/components/card";
import { formatDateTime, formatRelative } from "@/lib/format";

type TPolicy = {
  scope: string;
  draftVersion: number;
  draftUpdatedAt: Date | null;
  draftUpdatedBy: string | null;
  published: { revisionId: string; revision: number; document: unknown; publishedAt: Date | null; snapshotVersion: number | null; snapshotExpiresAt: Date | null } | null;
  pending: { id: string; number: number; createdAt: Date; note: string | null }[];
};
type TRevision = { id: string; createdBy: string | null };

/** The policy's mode as the document states it (`observe` or `enforce`). */
function readMode(document: unknown): string {
  if (document && typeof document === "object" && "mode" in document && typeof document.mode === "string") return document.mode;

  return "—";
}

/** What devices enforce right now: published revision, mode, snapshot version, who published when. */
export function PublishedSummary({ policy, revisions }: { policy: TPolicy; revisions: TRevision[] }) {
  const published = policy.published;
  const publisher = published ? revisions.find((r) => r.id === published.revisionId)?.createdBy : null;
  const mode = published ? readMode(published.document) : null;

  return (
    <Card title="Published" description="The signed snapshot devices pull and enforce offline." testId="policy-published">
      {published ? (
        <div className="stats">
          <div>
            <div className="stat-label">Revision</div>
            <div className="stat-value" data-testid="policy-revision">
              {published.revision}
            </div>
          </div>
          <div>
            <div className="stat-label">Mode</div>
            <div className="stat-value">
              <span className={`badge ${mode === "enforce" ? "badge-success" : "badge-warning"}`} data-testid="policy-mode">
                {mode}
              </span>
            </div>
          </div>
          <div>
            <div className="stat-label">Snapshot version</div>
            <div className="stat-value" data-testid="policy-snapshot-version">
              {published.snapshotVersion ?? "—"}
            </div>
            <div className="stat-hint">expires {formatRelative(published.snapshotExpiresAt)}</div>
          </div>
          <div>
            <div className="stat-label">Published</div>
            <div style={{ marginTop: 6 }}>{formatDateTime(published.publishedAt)}</div>
            <div className="stat-hint">by {publisher ?? "—"}</div>
          </div>
        </div>
      ) : (
        <p className="muted" data-testid="policy-unpublished">
          Nothing published yet: devices have no snapshot and deny egress until one is published.
        </p>
      )}
      <p className="muted">
        Draft version {policy.draftVersion}
        {policy.draftUpdatedAt ? `, last edited ${formatRelative(policy.draftUpdatedAt)} by ${policy.draftUpdatedBy ?? "—"}` : ""}.
        {policy.pending.length > 0 ? ` ${policy.pending.length} revision(s) waiting for approval.` : ""}
      </p>
    </Card>
  );
}
