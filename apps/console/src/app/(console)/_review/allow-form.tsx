"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ErrorNotice } from "@/components/error-notice";
import { describeError, useTRPC } from "@/trpc/react";
import type { TEventGroup } from "./review-types";

/** "Allow this": a prefilled draft change (scope, target, optional expiry, justification) for one group. */
export function AllowForm({ group, onDone, onCancel }: { group: TEventGroup; onDone: () => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const prefilled = group.kind === "connector" ? group.groupKey.slice("connector:".length) : group.groupKey;
  const [scope, setScope] = useState("default");
  const [target, setTarget] = useState(prefilled);
  const [until, setUntil] = useState("");
  const [justification, setJustification] = useState("");
  const propose = useMutation(trpc.review.proposeAllow.mutationOptions({ onSuccess: () => onDone() }));
  const result = propose.data;

  if (result) {
    return (
      <div className="notice notice-success" data-testid="allow-result">
        {result.mode === "draft" ? (
          <>
            Added {result.kind} <code>{result.target}</code> to the draft of <code>{result.scope}</code> (draft v{result.draftVersion}).{" "}
            <Link href={`/policies/${result.scope}?tab=diff`}>Review and publish it →</Link>
          </>
        ) : (
          <>
            Temporary allow for <code>{result.target}</code> saved{result.snapshotVersion ? `, published as snapshot v${result.snapshotVersion}` : "; it reaches devices with the next publish"}.
          </>
        )}
      </div>
    );
  }

  return (
    <form
      className="form"
      data-testid="allow-form"
      onSubmit={(e) => {
        e.preventDefault();
        propose.mutate({ groupId: group.id, scope, target, justification, ...(until ? { allowUntil: new Date(until) } : {}) });
      }}
    >
      <div className="form-row">
        <label className="field">
          <span className="label">Scope</span>
          <input className="input" value={scope} onChange={(e) => setScope(e.target.value)} data-testid="allow-scope" required />
        </label>
        <label className="field field-grow">
          <span className="label">{group.kind === "connector" ? "Connector" : "Host"}</span>
          <input className="input mono" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="allow-target" required />
        </label>
        <label className="field">
          <span className="label">Expires (optional)</span>
          <input className="input" type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} data-testid="allow-until" />
        </label>
      </div>
      <label className="field">
        <span className="label">Justification</span>
        <input className="input" value={justification} onChange={(e) => setJustification(e.target.value)} placeholder="why this destination is needed" data-testid="allow-justification" required />
      </label>
      <ErrorNotice message={propose.error ? describeError(propose.error) : null} testId="allow-error" />
      <div className="row">
        <button className="btn btn-primary btn-sm" type="submit" disabled={propose.isPending} data-testid="allow-submit">
          {until ? "Allow until then" : "Add to draft"}
        </button>
        <button className="btn btn-sm" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
