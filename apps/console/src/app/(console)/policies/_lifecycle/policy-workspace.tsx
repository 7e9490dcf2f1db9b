"use client";

import { TABS, type TTab } from "./tabs";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorNotice } from "@/components/error-notice";
import { describeError } from "@/trpc/react";
import { DiffView } from "./diff-view";
import { EditorTab } from "./editor-tab";
import { HistoryTab } from "./history-tab";
import { ImpactTab } from "./impact-tab";
import { ImportExportTab } from "./import-export-tab";
import styles from "./lifecycle.module.css";
import { PublishBar } from "./publish-bar";
import { TestsTab } from "./tests-tab";
import { TryCallTab } from "./try-call-tab";
import { useDraft } from "./use-draft";
import { useTestRun } from "./use-test-run";

const LABELS: Record<TTab, string> = { editor: "Editor", diff: "Diff", impact: "Impact preview", tests: "Tests", try: "Try a call", history: "History", "import-export": "Import / export" };

export type TWorkspacePermissions = { canWrite: boolean; canPublish: boolean; canApprove: boolean; canReadEvents: boolean };

/** The policy lifecycle of one scope: edit → diff → impact → tests → publish → history/rollback. */
export function PolicyWorkspace({ scope, initialTab, permissions }: { scope: string; initialTab: TTab; permissions: TWorkspacePermissions }) {
  const router = useRouter();
  const pathname = usePathname();
  const [tab, setTab] = useState<TTab>(initialTab);
  const draft = useDraft(scope);
  const tests = useTestRun(scope, draft.check);
  const pick = (next: TTab) => {
    setTab(next);
    router.replace(`${pathname}?tab=${next}`, { scroll: false });
  };
  if (draft.policy.error) return <ErrorNotice message={describeError(draft.policy.error)} testId="policy-error" />;
  if (!draft.isLoaded) return <p className="muted">Loading the draft…</p>;
  const failing = tests.data?.failed ?? 0;

  return (
    <div data-testid="policy-workspace">
      <PublishBar scope={scope} draft={draft} tests={tests} canPublish={permissions.canPublish} canApprove={permissions.canApprove} />
      <div className={styles.tabs} role="tablist">
        {TABS.filter((t) => t !== "impact" || permissions.canReadEvents).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={`${styles.tab} ${tab === t ? styles.tabActive : ""}`} onClick={() => pick(t)} data-testid={`tab-${t}`}>
            {LABELS[t]}
            {t === "tests" && tests.data?.isValid ? ` (${tests.data.passed}/${tests.data.results.length})` : ""}
            {t === "tests" && failing > 0 ? " ⚠" : ""}
          </button>
        ))}
      </div>
      {tab === "editor" ? <EditorTab draft={draft} canWrite={permissions.canWrite} /> : null}
      {tab === "diff" ? (
        <>
          <p className="muted">The saved draft against what devices enforce now.{draft.isDirty ? " Unsaved changes are not included: save first." : ""}</p>
          <DiffView scope={scope} from={{ type: "published" }} to={{ type: "draft" }} />
        </>
      ) : null}
      {tab === "impact" && permissions.canReadEvents ? <ImpactTab scope={scope} draft={draft} /> : null}
      {tab === "tests" ? <TestsTab run={tests} /> : null}
      {tab === "try" ? <TryCallTab scope={scope} draft={draft} canWrite={permissions.canWrite} /> : null}
      {tab === "history" ? <HistoryTab scope={scope} canPublish={permissions.canPublish} /> : null}
      {tab === "import-export" ? <ImportExportTab scope={scope} draft={draft} canWrite={permissions.canWrite} /> : null}
    </div>
  );
}
