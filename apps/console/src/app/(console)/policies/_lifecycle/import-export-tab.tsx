"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNotice } from "@/components/error-notice";
import { describeError, useTRPC, useTRPCClient } from "@/trpc/react";
import type { TDraftState } from "./use-draft";

/** Upload a cross-provider-egress-guard or native policy as the draft; download any document. */
export function ImportExportTab({ scope, draft, canWrite }: { scope: string; draft: TDraftState; canWrite: boolean }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const importPolicy = useMutation(trpc.policy.import.mutationOptions());
  const [exportError, setExportError] = useState<string | null>(null);
  const onFile = async (file: File) => {
    if (!draft.base) return;
    const source = await file.text();
    await importPolicy.mutateAsync({ scope, source, baseVersion: draft.base.version });
    await queryClient.invalidateQueries({ queryKey: trpc.policy.get.queryKey({ scope }) });
  };
  const download = async (ref: { type: "draft" } | { type: "published" }) => {
    setExportError(null);
    try {
      const file = await client.policyTools.export.query({ scope, ref });
      const url = URL.createObjectURL(new Blob([file.json], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = file.fileName;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setExportError(describeError(error));
    }
  };

  return (
    <div data-testid="import-export-tab">
      {canWrite ? (
        <div className="field">
          <label htmlFor="import-file">Import a policy file (cross-provider-egress-guard mcp-gate-policy.json or native JSON) as the new draft</label>
          <input id="import-file" type="file" accept="application/json,.json" disabled={draft.isDirty || importPolicy.isPending} onChange={(e) => { const f = e.target.files?.[0]; if (f) void onFile(f).catch(() => undefined); e.target.value = ""; }} data-testid="import-file" />
          {draft.isDirty ? <div className="hint">Save or discard your unsaved changes first.</div> : null}
        </div>
      ) : null}
      <ErrorNotice message={importPolicy.error ? describeError(importPolicy.error) : null} testId="import-error" />
      {importPolicy.data ? (
        <div className="notice notice-success" data-testid="import-result">
          Imported as draft version {importPolicy.data.draftVersion}.
          {importPolicy.data.report.length > 0 ? (
            <>
              {" "}These parts could not be mapped:
              <ul data-testid="import-report">{importPolicy.data.report.map((r, i) => <li key={i}>{r.path}: {r.message}</li>)}</ul>
            </>
          ) : " Everything was mapped."}
        </div>
      ) : null}
      <div className="row" style={{ marginTop: 12 }}>
        <button type="button" className="btn" onClick={() => void download({ type: "draft" })} data-testid="export-draft">Download saved draft</button>
        <button type="button" className="btn" onClick={() => void download({ type: "published" })} data-testid="export-published">Download published</button>
      </div>
      <ErrorNotice message={exportError} testId="export-error" />
    </div>
  );
}
