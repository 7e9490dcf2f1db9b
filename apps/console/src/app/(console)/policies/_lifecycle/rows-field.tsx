"use client";

import { useState } from "react";
import { FieldIssues, type TFieldProps } from "./fields";
import styles from "./lifecycle.module.css";

/** A column of a row editor: plain text, a comma-separated list, one of some options, or JSON. */
export type TColumn = { key: string; label: string; kind: "text" | "csv" | "select" | "json"; options?: readonly string[]; isOptional?: boolean; placeholder?: string };

type TRow = Record<string, unknown>;

const show = (col: TColumn, v: unknown): string => {
  if (v === undefined) return "";
  if (col.kind === "csv") return Array.isArray(v) ? v.join(", ") : "";
  if (col.kind === "json") return typeof v === "string" ? v : JSON.stringify(v);

  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : "";
};

/** Keeps a JSON cell as typed until it parses, so half-typed JSON is not lost. */
function JsonCell({ value, onChange, isReadOnly, id }: { value: unknown; onChange: (v: unknown) => void; isReadOnly: boolean; id: string }) {
  const [local, setLocal] = useState(typeof value === "string" ? value : JSON.stringify(value ?? {}));

  return (
    <textarea
      className={styles.list}
      style={{ minHeight: 60 }}
      value={local}
      readOnly={isReadOnly}
      data-testid={id}
      onChange={(e) => {
        setLocal(e.target.value);
        try {
          onChange(JSON.parse(e.target.value) as unknown);
        } catch {
          onChange(e.target.value);
        }
      }}
    />
  );
}

/** A list of objects (connectors, owner scopes, custom DLP patterns, policy tests) edited as rows. */
export function RowsField({ path, label, hint, value, onChange, issues, isReadOnly, columns, newRow }: TFieldProps<TRow[] | undefined> & { columns: TColumn[]; newRow: () => TRow }) {
  const rows = value ?? [];
  const setCell = (index: number, col: TColumn, raw: unknown) => {
    const parsed = col.kind === "csv" ? String(raw).split(",").map((s) => s.trim()).filter((s) => s !== "") : raw;
    const isEmpty = parsed === "" || (Array.isArray(parsed) && parsed.length === 0);
    onChange(rows.map((row, i) => (i === index ? Object.fromEntries(Object.entries({ ...row, [col.key]: isEmpty && col.isOptional ? undefined : parsed }).filter(([, v]) => v !== undefined)) : row)));
  };
  const id = `field-${path.replace(/\./g, "-")}`;

  return (
    <div className="field" style={{ gridColumn: "1 / -1" }} data-testid={id}>
      <span className="label">{label}</span>
      {hint ? <div className="hint">{hint}</div> : null}
      {rows.map((row, index) => (
        <div key={index} className="form-row" data-testid={`${id}-row-${index}`}>
          {columns.map((col) => (
            <div key={col.key} className={col.kind === "json" ? "field field-grow" : "field"}>
              <label className="muted">{col.label}</label>
              {col.kind === "select" ? (
                <select className="select" value={show(col, row[col.key])} disabled={isReadOnly} onChange={(e) => setCell(index, col, e.target.value)} data-testid={`${id}-${index}-${col.key}`}>
                  {(col.options ?? []).map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : col.kind === "json" ? (
                <JsonCell value={row[col.key]} isReadOnly={isReadOnly} onChange={(v) => setCell(index, col, v)} id={`${id}-${index}-${col.key}`} />
              ) : (
                <input className="input" value={show(col, row[col.key])} placeholder={col.placeholder} readOnly={isReadOnly} onChange={(e) => setCell(index, col, e.target.value)} data-testid={`${id}-${index}-${col.key}`} />
              )}
            </div>
          ))}
          {isReadOnly ? null : (
            <button type="button" className="btn btn-sm" onClick={() => onChange(rows.filter((_, i) => i !== index))} data-testid={`${id}-${index}-remove`}>
              Remove
            </button>
          )}
        </div>
      ))}
      {isReadOnly ? null : (
        <div>
          <button type="button" className="btn btn-sm" onClick={() => onChange([...rows, newRow()])} data-testid={`${id}-add`}>
            Add
          </button>
        </div>
      )}
      <FieldIssues path={path} issues={issues} />
    </div>
  );
}
