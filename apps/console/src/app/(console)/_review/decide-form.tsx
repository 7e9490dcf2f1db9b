"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNotice } from "@/components/error-notice";
import { describeError, useTRPC } from "@/trpc/react";

/** Approve (optional expiry and note) or deny (reason required) one pending request. */
export function DecideForm({ requestId, decision, onDone, onCancel }: { requestId: string; decision: "approve" | "deny"; onDone: (message: string) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const [note, setNote] = useState("");
  const [until, setUntil] = useState("");
  const decide = useMutation(
    trpc.requests.decide.mutationOptions({
      onSuccess: (result) => {
        if (decision === "deny") return onDone("Denied: the developer sees your reason in `egress-sync requests`.");
        const published = result.published;
        if (published && "snapshot" in published && published.snapshot) return onDone(`Approved and published as snapshot v${published.snapshot.version}.`);
        if (published && "snapshotVersion" in published) return onDone(`Approved and published as snapshot v${published.snapshotVersion}.`);
        if (published) return onDone(`Approved: revision ${published.revision.number} waits for a second approver.`);
        onDone(result.draftChanged ? "Approved: added to the draft. Publish it from Policies to reach devices." : "Approved: the temporary allow reaches devices with the next publish.");
      },
    }),
  );

  return (
    <form
      className="form"
      data-testid={`${decision}-form`}
      onSubmit={(e) => {
        e.preventDefault();
        decide.mutate({ requestId, decision, ...(note.trim() ? { note: note.trim() } : {}), ...(decision === "approve" && until ? { allowUntil: new Date(until) } : {}) });
      }}
    >
      <div className="form-row">
        <label className="field field-grow">
          <span className="label">{decision === "deny" ? "Reason (the developer sees it)" : "Note (optional)"}</span>
          <input className="input" value={note} onChange={(e) => setNote(e.target.value)} required={decision === "deny"} data-testid={`${decision}-note`} />
        </label>
        {decision === "approve" ? (
          <label className="field">
            <span className="label">Allow until (optional)</span>
            <input className="input" type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} data-testid="approve-until" />
          </label>
        ) : null}
      </div>
      <ErrorNotice message={decide.error ? describeError(decide.error) : null} testId="decide-error" />
      <div className="row">
        <button className={`btn btn-sm ${decision === "deny" ? "btn-danger" : "btn-primary"}`} type="submit" disabled={decide.isPending} data-testid={`${decision}-submit`}>
          {decision === "deny" ? "Deny request" : "Approve request"}
        </button>
        <button className="btn btn-sm" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
