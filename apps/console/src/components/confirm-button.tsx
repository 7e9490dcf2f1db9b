"use client";

import { useState } from "react";

type TProps = { label: string; confirmLabel: string; onConfirm: () => void; isPending?: boolean; testId?: string; className?: string };

/** A destructive action that asks for a second click before it runs. */
export function ConfirmButton({ label, confirmLabel, onConfirm, isPending, testId, className = "btn btn-sm btn-danger" }: TProps) {
  const [isArmed, setIsArmed] = useState(false);

  if (!isArmed) {
    return (
      <button className={className} type="button" onClick={() => setIsArmed(true)} disabled={isPending} data-testid={testId}>
        {label}
      </button>
    );
  }

  return (
    <span className="row">
      <button
        className="btn btn-sm btn-danger"
        type="button"
        disabled={isPending}
        onClick={() => {
          setIsArmed(false);
          onConfirm();
        }}
        data-testid={testId ? `${testId}-confirm` : undefined}
      >
        {confirmLabel}
      </button>
      <button className="btn btn-sm" type="button" onClick={() => setIsArmed(false)}>
        Cancel
      </button>
    </span>
  );
}
