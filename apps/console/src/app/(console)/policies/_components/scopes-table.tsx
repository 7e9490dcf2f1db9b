import Link from "next/link";
import { Card, EmptyState } from "@/components/card";
import { formatDateTime } from "@/lib/format";
import { NewScopeForm } from "./new-scope-form";

type TScope = {
  scope: string;
  draftVersion: number;
  draftUpdatedAt: Date | null;
  devices: number;
  published: { revision: number; mode: "enforce" | "observe" | null; snapshotVersion: number | null; publishedAt: Date | null; publishedBy: string | null } | null;
};

/**
 * Every policy scope of the org (e.g. `default` and `contractors`): what is published, in which
 * mode, by whom and when, and how many devices enforce it. Devices join a scope through the
 * enrollment token they enrolled with.
 */
export function ScopesTable({ scopes, canWrite }: { scopes: TScope[]; canWrite: boolean }) {
  return (
    <Card
      title="Scopes"
      description="One policy per scope; a device enforces the scope of the enrollment token it enrolled with."
      actions={canWrite ? <NewScopeForm existing={scopes.map((s) => s.scope)} /> : null}
      flush
      testId="policy-scopes"
    >
      {scopes.length === 0 ? (
        <EmptyState>No scopes yet.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Scope</th>
                <th scope="col">Published</th>
                <th scope="col">Mode</th>
                <th scope="col">By</th>
                <th scope="col">When</th>
                <th scope="col">Devices</th>
              </tr>
            </thead>
            <tbody>
              {scopes.map((s) => (
                <tr key={s.scope} data-testid="policy-scope-row">
                  <td style={{ fontWeight: 600 }}>
                    <Link href={`/policies/${encodeURIComponent(s.scope)}`}>{s.scope}</Link>
                  </td>
                  <td>{s.published ? `revision ${s.published.revision}${s.published.snapshotVersion ? ` · snapshot v${s.published.snapshotVersion}` : ""}` : <span className="muted">nothing yet (draft v{s.draftVersion})</span>}</td>
                  <td>{s.published?.mode ? <span className={`badge ${s.published.mode === "enforce" ? "badge-success" : "badge-warning"}`}>{s.published.mode}</span> : <span className="muted">—</span>}</td>
                  <td className="muted">{s.published?.publishedBy ?? "—"}</td>
                  <td className="muted">{s.published?.publishedAt ? formatDateTime(s.published.publishedAt) : "—"}</td>
                  <td>{s.devices}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
