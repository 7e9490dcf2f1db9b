"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { ErrorNotice } from "@/components/error-notice";
import { formatDateTime } from "@/lib/format";
import { describeError, useTRPC } from "@/trpc/react";
import { DiffView, RefSelect, type TRef } from "./diff-view";

/** Revisions with their notes, a diff between any two, and rollback (republish an old one as new). */
export function HistoryTab({ scope, canPublish }: { scope: string; canPublish: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revisions = useQuery(trpc.policy.revisions.queryOptions({ scope, limit: 100 }));
  const rollback = useMutation(trpc.policy.rollback.mutationOptions());
  const [note, setNote] = useState("");
  const [from, setFrom] = useState<TRef | null>(null);
  const [to, setTo] = useState<TRef | null>(null);
  const rows = revisions.data ?? [];
  const numbers = rows.map((r) => r.number);
  const latestPublished = rows.find((r) => r.status === "published")?.number;
  const onRollback = async (revisionNumber: number) => {
    await rollback.mutateAsync({ scope, revisionNumber, note: note.trim() || undefined });
    setNote("");
    await queryClient.invalidateQueries();
  };

  return (
    <div data-testid="history-tab">
      <ErrorNotice message={revisions.error ? describeError(revisions.error) : rollback.error ? describeError(rollback.error) : null} testId="history-error" />
      {rollback.data ? (
        <div className="notice notice-success" data-testid="rollback-result">
          {rollback.data.status === "published" ? `Rolled back: revision ${rollback.data.revision.number} published as snapshot version ${rollback.data.snapshot?.version}` : `Rollback revision ${rollback.data.revision.number} waits for a second approver`}
        </div>
      ) : null}
      {canPublish ? (
        <div className="field">
          <label htmlFor="rollback-note">Note for a rollback (optional)</label>
          <input id="rollback-note" className="input" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} data-testid="rollback-note" />
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="table" data-testid="revisions-table">
          <thead>
            <tr><th>#</th><th>Status</th><th>Note</th><th>By</th><th>Approved by</th><th>Published</th><th>Snapshot</th><th /></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid={`revision-${r.number}`}>
                <td>{r.number}{r.rollbackOfId ? <span className="muted"> (rollback)</span> : null}</td>
                <td><span className={`badge ${r.status === "published" ? "badge-success" : "badge-warning"}`}>{r.status}</span></td>
                <td>{r.note ?? "—"}</td>
                <td>{r.createdBy ?? "—"}</td>
                <td>{r.approvedBy ?? "—"}</td>
                <td>{formatDateTime(r.publishedAt)}</td>
                <td>{r.snapshotVersions.join(", ") || "—"}</td>
                <td className="row">
                  <button type="button" className="btn btn-sm" onClick={() => { setFrom({ type: "revision", number: r.number }); setTo({ type: "draft" }); }} data-testid={`revision-${r.number}-diff`}>
                    Diff vs draft
                  </button>
                  {canPublish && r.status === "published" && r.number !== latestPublished ? (
                    <ConfirmButton label="Roll back to this" confirmLabel={`Publish revision ${r.number} again`} onConfirm={() => void onRollback(r.number).catch(() => undefined)} isPending={rollback.isPending} testId={`revision-${r.number}-rollback`} className="btn btn-sm" />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && revisions.isSuccess ? <p className="muted" data-testid="revisions-none">Nothing published yet.</p> : null}
      <h3>Compare two revisions</h3>
      <div className="form-row">
        <RefSelect value={from ?? { type: "published" }} onChange={setFrom} revisions={numbers} testId="history-from" />
        <span>→</span>
        <RefSelect value={to ?? { type: "draft" }} onChange={setTo} revisions={numbers} testId="history-to" />
      </div>
      <DiffView scope={scope} from={from ?? { type: "published" }} to={to ?? { type: "draft" }} />
    </div>
  );
}
