"use client";

import { useEffect, useState, type ReactNode } from "react";
import type { TLineIssue } from "./json-lines";
import styles from "./lifecycle.module.css";

/** What every structured field gets: the value at its path, a setter, its errors, read-only flag. */
export type TFieldProps<T> = { path: string; label: string; hint?: ReactNode; value: T; onChange: (value: T) => void; issues: TLineIssue[]; isReadOnly: boolean };

const testId = (path: string) => `field-${path.replace(/\./g, "-")}`;

/** Errors of the schema at `path` or below it. */
export function FieldIssues({ path, issues }: { path: string; issues: TLineIssue[] }) {
  const mine = issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
  if (mine.length === 0) return null;

  return (
    <div className={styles.fieldError} data-testid={`${testId(path)}-error`}>
      {mine.map((i) => `${i.path}: ${i.message}`).join("; ")}
    </div>
  );
}

const splitLines = (text: string): string[] => text.split("\n").map((s) => s.trim()).filter((s) => s !== "");

/** A list of strings edited one per line (hosts, globs, paths). */
export function ListField({ path, label, hint, value, onChange, issues, isReadOnly }: TFieldProps<string[] | undefined>) {
  const joined = (value ?? []).join("\n");
  const [local, setLocal] = useState(joined);
  useEffect(() => {
    if (splitLines(local).join("\n") !== joined) setLocal(joined);
  }, [joined, local]);

  return (
    <div className="field">
      <label htmlFor={testId(path)}>{label}</label>
      <textarea
        id={testId(path)}
        className={styles.list}
        value={local}
        readOnly={isReadOnly}
        spellCheck={false}
        data-testid={testId(path)}
        onChange={(e) => {
          setLocal(e.target.value);
          onChange(splitLines(e.target.value));
        }}
      />
      {hint ? <div className="hint">{hint}</div> : null}
      <FieldIssues path={path} issues={issues} />
    </div>
  );
}

/** One of a few string options. */
export function SelectField({ path, label, hint, value, onChange, issues, isReadOnly, options }: TFieldProps<string | number | undefined> & { options: readonly (string | number)[] }) {
  return (
    <div className="field">
      <label htmlFor={testId(path)}>{label}</label>
      <select
        id={testId(path)}
        className="select"
        value={String(value ?? "")}
        disabled={isReadOnly}
        data-testid={testId(path)}
        onChange={(e) => {
          const picked = options.find((o) => String(o) === e.target.value);
          onChange(picked);
        }}
      >
        {options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
      {hint ? <div className="hint">{hint}</div> : null}
      <FieldIssues path={path} issues={issues} />
    </div>
  );
}

/** A yes/no setting. */
export function CheckboxField({ path, label, hint, value, onChange, issues, isReadOnly }: TFieldProps<boolean | undefined>) {
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" checked={value ?? false} disabled={isReadOnly} onChange={(e) => onChange(e.target.checked)} data-testid={testId(path)} />
        {label}
      </label>
      {hint ? <div className="hint">{hint}</div> : null}
      <FieldIssues path={path} issues={issues} />
    </div>
  );
}

/** A free text setting (empty removes it). */
export function TextField({ path, label, hint, value, onChange, issues, isReadOnly }: TFieldProps<string | undefined>) {
  return (
    <div className="field">
      <label htmlFor={testId(path)}>{label}</label>
      <input id={testId(path)} className="input" value={value ?? ""} readOnly={isReadOnly} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)} data-testid={testId(path)} />
      {hint ? <div className="hint">{hint}</div> : null}
      <FieldIssues path={path} issues={issues} />
    </div>
  );
}

/** A titled group of fields, one per top-level key of the document. */
export function Section({ title, description, children, testId: id }: { title: string; description?: string; children: ReactNode; testId: string }) {
  return (
    <div className={styles.section} data-testid={id}>
      <h3>{title}</h3>
      {description ? <p className="muted">{description}</p> : null}
      <div className={styles.grid}>{children}</div>
    </div>
  );
}
