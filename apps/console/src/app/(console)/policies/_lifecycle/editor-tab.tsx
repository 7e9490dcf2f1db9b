"use client";

import { useState } from "react";
import { ErrorNotice } from "@/components/error-notice";
import { RawJsonEditor } from "./raw-json-editor";
import { StructuredEditor } from "./structured-editor";
import type { TDraftState } from "./use-draft";

/** The draft editor: structured forms or raw JSON over the same text, save, and concurrent edits. */
export function EditorTab({ draft, canWrite }: { draft: TDraftState; canWrite: boolean }) {
  const [view, setView] = useState<"structured" | "raw">("structured");
  const { check } = draft;

  return (
    <div data-testid="editor-tab">
      <div className="row" style={{ marginBottom: 12 }}>
        <button type="button" className={`btn btn-sm ${view === "structured" ? "btn-primary" : ""}`} onClick={() => setView("structured")} data-testid="view-structured">
          Structured
        </button>
        <button type="button" className={`btn btn-sm ${view === "raw" ? "btn-primary" : ""}`} onClick={() => setView("raw")} data-testid="view-raw">
          Raw JSON
        </button>
        <span className="spacer" />
        <span className={`badge ${check.isValid ? "badge-success" : "badge-danger"}`} data-testid="validation-status">
          {check.isValid ? "valid" : `${check.issues.length} problem(s)`}
        </span>
        {draft.isDirty ? <span className="badge badge-warning" data-testid="unsaved-badge">unsaved changes</span> : null}
        {canWrite ? (
          <button type="button" className="btn btn-primary" disabled={!check.isValid || !draft.isDirty || draft.isSaving} onClick={() => void draft.saveDraft()} data-testid="save-draft">
            {draft.isSaving ? "Saving…" : "Save draft"}
          </button>
        ) : (
          <span className="muted" data-testid="read-only">read-only: your role cannot change the policy</span>
        )}
      </div>
      {draft.notice ? <div className="notice notice-success" data-testid="draft-notice">{draft.notice}</div> : null}
      {draft.conflicts.length > 0 ? (
        <div className="notice notice-warning" data-testid="merge-conflicts">
          Both of you changed {draft.conflicts.join(", ")}: their version was kept there. Re-apply your change if it is still needed.
        </div>
      ) : null}
      {draft.remote ? (
        <div className="notice notice-warning" data-testid="remote-change">
          <strong>{draft.remote.by ?? "Someone"}</strong> saved version {draft.remote.version} while you were editing (you started from version {draft.base?.version}).{" "}
          <button type="button" className="btn btn-sm" onClick={draft.mergeTheirs} data-testid="merge-theirs">
            Merge my changes into theirs
          </button>{" "}
          <button type="button" className="btn btn-sm" onClick={draft.loadTheirs} data-testid="load-theirs">
            Discard mine, load theirs
          </button>
        </div>
      ) : null}
      <ErrorNotice message={draft.saveError} testId="save-error" />
      {view === "structured" ? <StructuredEditor check={check} onText={draft.setText} isReadOnly={!canWrite} /> : <RawJsonEditor text={draft.text} check={check} onText={draft.setText} isReadOnly={!canWrite} />}
    </div>
  );
}
