"use client";

import { ErrorNotice } from "@/components/error-notice";
import { describeError } from "@/trpc/react";
import styles from "./lifecycle.module.css";
import type { TTestRun } from "./use-test-run";

/** Results of the policy tests stored in the document; failing ones show the call and what it got. */
export function TestsTab({ run }: { run: TTestRun }) {
  const r = run.data;

  return (
    <div data-testid="tests-tab">
      <p className="muted">Tests live in the document (`tests`, editable in the structured editor) and run on every change and again on publish.</p>
      <ErrorNotice message={run.error ? describeError(run.error) : null} testId="tests-error" />
      {!r ? <p className="muted">Running…</p> : null}
      {r && !r.isValid ? <div className="notice notice-error">The document is invalid; fix it to run the tests.</div> : null}
      {r?.isValid ? (
        <>
          <p data-testid="tests-summary">
            {r.passed} passed, {r.failed} failed
          </p>
          {r.results.length === 0 ? <p className="muted" data-testid="tests-none">No tests yet. Add them in the structured editor or from “Try a call”.</p> : null}
          {r.results.map((t) => (
            <div key={t.index} className="card" style={{ padding: 12, marginBottom: 8 }} data-testid={t.passed ? "test-passed" : "test-failed"}>
              <div className="row">
                <span className={`badge ${t.passed ? "badge-success" : "badge-danger"}`}>{t.passed ? "pass" : "FAIL"}</span>
                <strong>{t.name}</strong>
                <span className="muted">({t.agent})</span>
              </div>
              <div className={styles.kv} style={{ marginTop: 6 }}>
                <span>expected</span>
                <span className="mono">{t.expected}</span>
                <span>got</span>
                <span className="mono" data-testid="test-actual">{t.actual}</span>
                <span>reason</span>
                <span>{t.reason}</span>
              </div>
              {t.passed ? null : (
                <>
                  {t.call ? <p className="muted">read as a {t.call.kind} call of {t.call.tool}{t.call.urls.length > 0 ? ` to ${t.call.urls.join(", ")}` : ""}</p> : null}
                  <pre className={styles.pre} data-testid="test-input">{t.input}</pre>
                </>
              )}
            </div>
          ))}
        </>
      ) : null}
    </div>
  );
}
