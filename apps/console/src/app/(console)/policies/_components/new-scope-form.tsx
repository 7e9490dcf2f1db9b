"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

const SCOPE_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Opens the workspace of a new scope; the scope exists once its first draft is saved. */
export function NewScopeForm({ existing }: { existing: string[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const problem = name === "" ? null : !SCOPE_RE.test(name) ? "lowercase letters, digits, - or _ (at most 64)" : existing.includes(name) ? "that scope exists" : null;

  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        if (name !== "" && problem === null) router.push(`/policies/${encodeURIComponent(name)}`);
      }}
    >
      <input className="input" aria-label="New scope name" placeholder="new scope, e.g. contractors" value={name} onChange={(e) => setName(e.target.value.trim())} data-testid="new-scope-name" />
      <button className="btn" type="submit" disabled={name === "" || problem !== null} data-testid="new-scope-open">
        New scope
      </button>
      {problem ? <span className="muted">{problem}</span> : null}
    </form>
  );
}
