"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useState } from "react";
import { ErrorNotice } from "@/components/error-notice";
import { formatDateTime } from "@/lib/format";
import { describeError, useTRPC } from "@/trpc/react";
import type { TDraftState } from "./use-draft";
import type { TTestRun } from "./use-test-run";

const detailsOf = (error: unknown): { path: string; message: string }[] =>
  error instanceof TRPCClientError ? ((error.data as { appError?: { details?: { path: string; message: string }[] | null } } | undefined)?.appError?.details ?? []) : [];

/** What is published, and publishing the saved draft with a note (gated by validity and tests). */
export function PublishBar({ scope, draft, tests, canPublish, canApprove }: { scope: string; draft: TDraftState; tests: TTestRun; canPublish: boolean; canApprove: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const publish = useMutation(trpc.policy.publish.mutationOptions());
  const approve = useMutation(trpc.policy.approve.mutationOptions());
  const data = draft.policy.data;
  const failing = tests.data?.failed ?? 0;
  const blocker = !draft.check.isValid ? "the draft is invalid" : draft.isDirty ? "save the draft first" : failing > 0 ? `${failing} policy test(s) fail` : null;
  const done = async () => queryClient.invalidateQueries();
  const result = publish.data ?? approve.data;
  const error = publish.error ?? approve.error;

  return (
    <div className="card" style={{ padding: 12, marginBottom: 16 }} data-testid="publish-bar">
      <div className="row">
        <span>
          Published: {data?.published ? <strong data-testid="published-revision">revision {data.published.revision}</strong> : <strong data-testid="published-revision">nothing yet</strong>}
          {data?.published ? <> · snapshot <span data-testid="published-snapshot">{data.published.snapshotVersion ?? "—"}</span> · {formatDateTime(data.published.publishedAt)}</> : null}
        </span>
        <span className="spacer" />
        <span className="muted" data-testid="draft-version">draft version {draft.base?.version ?? "—"}{data?.draftUpdatedBy ? ` by ${data.draftUpdatedBy}` : ""}</span>
      </div>
      {canPublish ? (
        <div className="form-row" style={{ marginTop: 8 }}>
          <div className="field field-grow">
            <label htmlFor="publish-note">Publish note</label>
            <input id="publish-note" className="input" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} placeholder="what changes and why" data-testid="publish-note" />
          </div>
          <button type="button" className="btn btn-primary" disabled={blocker !== null || publish.isPending} onClick={() => void publish.mutateAsync({ scope, note: note.trim() || undefined }).then(() => { setNote(""); return done(); }).catch(() => undefined)} data-testid="publish">
            Publish
          </button>
          {blocker ? <span className="muted" data-testid="publish-blocked">Cannot publish: {blocker}</span> : null}
        </div>
      ) : null}
      <ErrorNotice message={error ? describeError(error) : null} testId="publish-error" />
      {detailsOf(error).length > 0 ? <ul data-testid="publish-error-details">{detailsOf(error).map((d, i) => <li key={i}>{d.path}: {d.message}</li>)}</ul> : null}
      {result ? (
        <div className="notice notice-success" data-testid="publish-result">
          {result.status === "published" ? `Published revision ${result.revision.number} as signed snapshot version ${result.snapshot?.version}` : `Revision ${result.revision.number} waits for a second admin's approval`}
        </div>
      ) : null}
      {(data?.pending ?? []).map((p) => (
        <div key={p.id} className="notice notice-warning" data-testid={`pending-${p.number}`}>
          Revision {p.number} waits for approval{p.note ? ` (“${p.note}”)` : ""}.{" "}
          {canApprove ? (
            <button type="button" className="btn btn-sm btn-primary" disabled={approve.isPending} onClick={() => void approve.mutateAsync({ revisionId: p.id }).then(done).catch(() => undefined)} data-testid={`approve-${p.number}`}>
              Approve and publish
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}
