"use client";

import { useState } from "react";

/** Copies `value` to the clipboard and says so. */
export function CopyButton({ value, label = "Copy", testId }: { value: string; label?: string; testId?: string }) {
  const [isCopied, setIsCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setIsCopied(true);
      setTimeout(() => setIsCopied(false), 2000);
    } catch {
      setIsCopied(false);
    }
  }

  return (
    <button className="btn btn-sm" type="button" onClick={() => void copy()} data-testid={testId}>
      {isCopied ? "Copied" : label}
    </button>
  );
}
