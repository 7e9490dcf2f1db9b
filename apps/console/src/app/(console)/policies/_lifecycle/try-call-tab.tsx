"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { AGENTS } from "@egress/policy";
import { ErrorNotice } from "@/components/error-notice";
import { describeError, useTRPC } from "@/trpc/react";
import { setAt } from "./doc-path";
import { toText } from "./json-lines";
import styles from "./lifecycle.module.css";
import type { TDraftState } from "./use-draft";

const SAMPLE = JSON.stringify({ hook_event_name: "PreToolUse", tool_name: "WebFetch", tool_input: { url: "https://example.org/docs", prompt: "summarize" } }, null, 2);

/** Paste any agent's raw hook input: the working copy's decision, explained, next to today's. */
export function TryCallTab({ scope, draft, canWrite }: { scope: string; draft: TDraftState; canWrite: boolean }) {
  const trpc = useTRPC();
  const [agent, setAgent] = useState<(typeof AGENTS)[number]>("claude-code");
  const [raw, setRaw] = useState(SAMPLE);
  const tryCall = useMutation(trpc.policyTools.tryCall.mutationOptions());
  const r = tryCall.data;
  const addAsTest = () => {
    if (!r || !draft.check.value) return;
    let input: unknown = raw;
    try {
      input = JSON.parse(raw) as unknown;
    } catch {
      // keep the raw text: the test then asserts that unreadable input is denied
    }
    const tests = [...((draft.check.value as { tests?: unknown[] }).tests ?? []), { name: `${r.draft.call?.tool ?? "call"} ${r.draft.enforcedEffect}`, agent, input, expect: r.draft.enforcedEffect }];
    draft.setText(toText(setAt(draft.check.value, "tests", tests)));
  };

  return (
    <div data-testid="try-call-tab">
      <div className="form-row">
        <div className="field">
          <label htmlFor="try-agent">Agent</label>
          <select id="try-agent" className="select" value={agent} onChange={(e) => setAgent(e.target.value as typeof agent)} data-testid="try-agent">
            {AGENTS.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="try-raw">Raw hook input (JSON, as the agent sends it)</label>
        <textarea id="try-raw" className={styles.list} style={{ minHeight: 160 }} value={raw} onChange={(e) => setRaw(e.target.value)} data-testid="try-raw" />
      </div>
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={!draft.check.isValid || tryCall.isPending} onClick={() => tryCall.mutate({ scope, agent, raw, document: draft.check.value })} data-testid="try-run">
          Evaluate against the draft
        </button>
        {canWrite && r ? (
          <button type="button" className="btn" onClick={addAsTest} data-testid="try-add-test">
            Add as policy test (expect {r.draft.enforcedEffect})
          </button>
        ) : null}
      </div>
      <ErrorNotice message={tryCall.error ? describeError(tryCall.error) : null} testId="try-error" />
      {r ? (
        <div className="card" style={{ padding: 12, marginTop: 12 }} data-testid="try-result">
          <p>
            <span className={`badge ${r.draft.enforcedEffect === "allow" ? "badge-success" : "badge-danger"}`} data-testid="try-effect">{r.draft.enforcedEffect}</span>{" "}
            by <code data-testid="try-rule">{r.draft.enforcedRule}</code> ({r.draftLabel})
          </p>
          <ol data-testid="try-steps">{r.draft.steps.map((s, i) => <li key={i}>{s}</li>)}</ol>
          {r.published ? <p className="muted" data-testid="try-published">Today ({r.published.label}): {r.published.enforcedEffect} by {r.published.enforcedRule}</p> : <p className="muted">Nothing is published yet.</p>}
        </div>
      ) : null}
    </div>
  );
}
