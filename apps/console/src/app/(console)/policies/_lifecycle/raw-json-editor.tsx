"use client";

import type { TTextCheck } from "./json-lines";
import styles from "./lifecycle.module.css";

/** The document as JSON text with line numbers; schema and syntax errors are marked on their line. */
export function RawJsonEditor({ text, check, onText, isReadOnly }: { text: string; check: TTextCheck; onText: (text: string) => void; isReadOnly: boolean }) {
  const lineCount = text.split("\n").length;
  const errorLines = new Set(check.issues.map((i) => i.line));

  return (
    <div data-testid="raw-editor">
      <div className={styles.editorWrap}>
        <div className={styles.gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => (
            <div key={i} className={errorLines.has(i + 1) ? styles.gutterError : undefined} data-testid={errorLines.has(i + 1) ? `raw-error-line-${i + 1}` : undefined}>
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          className={styles.code}
          value={text}
          rows={lineCount}
          readOnly={isReadOnly}
          spellCheck={false}
          aria-label="Policy document JSON"
          data-testid="raw-json"
          onChange={(e) => onText(e.target.value)}
        />
      </div>
      {check.issues.length > 0 ? (
        <ul className={styles.issues} data-testid="raw-issues">
          {check.issues.map((issue, index) => (
            <li key={index} data-testid="raw-issue">
              line {issue.line}: {issue.path === "(json)" ? "" : `${issue.path}: `}
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
