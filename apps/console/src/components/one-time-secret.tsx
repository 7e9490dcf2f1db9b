import type { ReactNode } from "react";
import { CopyButton } from "./copy-button";

/** A secret shown exactly once (token, invite link, command), with a copy button and a warning. */
export function OneTimeSecret({ title, value, hint, testId }: { title: ReactNode; value: string; hint?: ReactNode; testId?: string }) {
  return (
    <div className="notice notice-success stack" role="status">
      <strong>{title}</strong>
      <div className="secret">
        <code data-testid={testId}>{value}</code>
        <CopyButton value={value} testId={testId ? `${testId}-copy` : undefined} />
      </div>
      <span className="muted">{hint ?? "Copy it now: it is shown only once and cannot be retrieved later."}</span>
    </div>
  );
}
