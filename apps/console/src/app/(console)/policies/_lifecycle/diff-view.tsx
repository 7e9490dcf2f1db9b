"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorNotice } from "@/components/error-notice";
import { describeError, useTRPC } from "@/trpc/react";
import styles from "./lifecycle.module.css";

export type TRef = { type: "draft" } | { type: "published" } | { type: "revision"; number: number };

const refKey = (ref: TRef) => (ref.type === "revision" ? `r${ref.number}` : ref.type);
const parseRef = (key: string): TRef => (key.startsWith("r") ? { type: "revision", number: Number(key.slice(1)) } : key === "published" ? { type: "published" } : { type: "draft" });

/** Picks draft, published or a revision. */
export function RefSelect({ value, onChange, revisions, testId }: { value: TRef; onChange: (ref: TRef) => void; revisions: number[]; testId: string }) {
  return (
    <select className="select" value={refKey(value)} onChange={(e) => onChange(parseRef(e.target.value))} data-testid={testId}>
      <option value="draft">saved draft</option>
      <option value="published">published</option>
      {revisions.map((n) => (
        <option key={n} value={`r${n}`}>
          revision {n}
        </option>
      ))}
    </select>
  );
}

/** What changed between two documents: by meaning first (hosts added, mode switched…), then as text. */
export function DiffView({ scope, from, to }: { scope: string; from: TRef; to: TRef }) {
  const trpc = useTRPC();
  const diff = useQuery(trpc.policyTools.diff.queryOptions({ scope, from, to }));
  if (diff.error) return <ErrorNotice message={describeError(diff.error)} testId="diff-error" />;
  if (!diff.data) return <p className="muted">Comparing…</p>;
  const d = diff.data;

  return (
    <div data-testid="diff-view">
      <p className="muted">
        <strong>{d.from.label}</strong> → <strong>{d.to.label}</strong>
      </p>
      {d.isIdentical ? <div className="notice notice-success" data-testid="diff-identical">No differences.</div> : null}
      {d.changes === null ? (
        <div className="notice notice-warning" data-testid="diff-invalid">
          A side is invalid, so only the text diff is shown: {[...d.from.errors, ...d.to.errors].map((e) => `${e.path}: ${e.message}`).join("; ")}
        </div>
      ) : (
        <ul data-testid="diff-changes">
          {d.changes.map((c, i) => (
            <li key={i} data-testid="diff-change" data-kind={c.kind}>
              {c.summary}
            </li>
          ))}
        </ul>
      )}
      <details open={d.changes === null}>
        <summary>Text diff</summary>
        <div data-testid="diff-text">
          {d.lines.map((line, i) => (
            <div key={i} className={`${styles.diffLine} ${line.op === "+" ? styles.diffAdd : line.op === "-" ? styles.diffDel : line.op === "…" ? styles.diffSkip : ""}`}>
              {line.op === "…" ? `… ${line.text}` : `${line.op} ${line.text}`}
            </div>
          ))}
        </div>
      </details>
    </div>
  );
}
