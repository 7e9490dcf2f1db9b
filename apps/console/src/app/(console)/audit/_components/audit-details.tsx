/** The before/after of an audit event as compact JSON (secrets are never stored in audit events). */
export function AuditDetails({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <span className="muted">—</span>;

  return (
    <details>
      <summary className="muted" style={{ cursor: "pointer" }}>
        details
      </summary>
      <pre style={{ margin: "6px 0 0", whiteSpace: "pre-wrap", maxWidth: 420 }}>{JSON.stringify({ before: before ?? undefined, after: after ?? undefined }, null, 2)}</pre>
    </details>
  );
}
