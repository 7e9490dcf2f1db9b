"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useDeferredValue, useState } from "react";
import { Card, EmptyState } from "@/components/card";
import { ErrorNotice } from "@/components/error-notice";
import { formatDateTime, formatRelative } from "@/lib/format";
import { describeError, useTRPC } from "@/trpc/react";
import { AllowForm } from "./allow-form";
import { GroupDetail } from "./group-detail";
import { EMPTY_FILTERS, ReviewFilters, type TQueueFilters } from "./review-filters";
import { STATE_BADGE, TRIAGE_STATES, WINDOWS, type TEventGroup, type TTriageState } from "./review-types";

type TOpen = { id: string; panel: "detail" | "allow" | "dismiss" } | null;

/**
 * The review queue: blocks grouped by destination, connector and command, with counts, devices,
 * users, first/last seen, the latest rule, reason and redacted excerpt; triage, dismiss with a
 * reason, and "allow this". Keyset pages (a cursor stack for going back), refreshed every 10 s.
 */
export function ReviewQueue({ canTriage, canAllow }: { canTriage: boolean; canAllow: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<TTriageState | "">("new");
  const [filters, setFilters] = useState<TQueueFilters>(EMPTY_FILTERS);
  const [cursors, setCursors] = useState<string[]>([]);
  const [open, setOpen] = useState<TOpen>(null);
  const [note, setNote] = useState("");
  const search = useDeferredValue(filters.search.trim());
  const windowMs = WINDOWS.find((w) => w.value === filters.window)?.ms ?? null;
  const input = {
    ...(state ? { state } : {}),
    ...(filters.kind ? { kind: filters.kind as "host" } : {}),
    ...(filters.agent ? { agent: filters.agent } : {}),
    ...(filters.deviceId ? { deviceId: filters.deviceId } : {}),
    ...(filters.user ? { user: filters.user } : {}),
    ...(filters.rule ? { rule: filters.rule } : {}),
    ...(search ? { search } : {}),
    ...(windowMs ? { from: new Date(Math.floor((Date.now() - windowMs) / 60_000) * 60_000) } : {}),
    sort: filters.sort,
    limit: 25,
    ...(cursors.length ? { cursor: cursors[cursors.length - 1] } : {}),
  };
  const queue = useQuery({ ...trpc.review.groups.queryOptions(input), refetchInterval: 10_000, placeholderData: (prev) => prev });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
  const triage = useMutation(
    trpc.review.triage.mutationOptions({
      onSuccess: () => {
        setOpen(null);
        setNote("");
        void invalidate();
      },
    }),
  );
  const reset = (fn: () => void) => {
    fn();
    setCursors([]);
    setOpen(null);
  };
  const counts = queue.data?.stateCounts;
  const groups = queue.data?.groups ?? [];
  const toggle = (id: string, panel: "detail" | "allow" | "dismiss") => setOpen(open?.id === id && open.panel === panel ? null : { id, panel });

  return (
    <Card
      title="Review queue"
      description="What devices blocked, grouped by destination, connector and command."
      testId="review-queue"
      flush
      actions={[{ label: "All", value: "" as const }, ...TRIAGE_STATES.map((s) => ({ label: s[0]?.toUpperCase() + s.slice(1), value: s }))].map((tab) => (
        <button key={tab.label} type="button" className={`btn btn-sm ${state === tab.value ? "btn-primary" : ""}`} onClick={() => reset(() => setState(tab.value))} data-testid={`review-tab-${tab.value || "all"}`}>
          {tab.label}
          {tab.value && counts ? ` (${counts[tab.value]})` : ""}
        </button>
      ))}
    >
      <div className="card-body">
        <ReviewFilters value={filters} onChange={(next) => reset(() => setFilters(next))} />
        {queue.data && !queue.data.isCaughtUp ? <div className="notice notice-warning">Still folding new events into the queue: counts are catching up.</div> : null}
        <ErrorNotice message={queue.error ? describeError(queue.error) : triage.error ? describeError(triage.error) : null} testId="review-error" />
      </div>
      {groups.length === 0 ? (
        <EmptyState>{queue.isLoading ? "Loading…" : "Nothing to review here. Blocks uploaded by devices appear within seconds."}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Blocked</th>
                <th scope="col">Events</th>
                <th scope="col">Devices / users</th>
                <th scope="col">Seen</th>
                <th scope="col">Rule and reason</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <Fragment key={g.id}>
                  <GroupRow group={g} canTriage={canTriage} canAllow={canAllow} onToggle={(panel) => toggle(g.id, panel)} onAcknowledge={() => triage.mutate({ groupId: g.id, state: "acknowledged" })} onReopen={() => triage.mutate({ groupId: g.id, state: "new" })} />
                  {open?.id === g.id ? (
                    <tr data-testid="review-panel">
                      <td colSpan={7}>
                        {open.panel === "detail" ? <GroupDetail groupId={g.id} /> : null}
                        {open.panel === "allow" ? <AllowForm group={g} onDone={() => void invalidate()} onCancel={() => setOpen(null)} /> : null}
                        {open.panel === "dismiss" ? (
                          <form
                            className="row"
                            onSubmit={(e) => {
                              e.preventDefault();
                              triage.mutate({ groupId: g.id, state: "dismissed", note });
                            }}
                          >
                            <input className="input field-grow" value={note} onChange={(e) => setNote(e.target.value)} placeholder="why no change is needed" required data-testid="dismiss-note" />
                            <button className="btn btn-sm btn-danger" type="submit" disabled={triage.isPending} data-testid="dismiss-submit">
                              Dismiss
                            </button>
                          </form>
                        ) : null}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="pagination">
        <span className="muted">{filters.sort === "recent" ? "Latest activity first" : "Most blocked first"}</span>
        <div className="row">
          {cursors.length > 0 ? (
            <button className="btn btn-sm" type="button" onClick={() => setCursors(cursors.slice(0, -1))} data-testid="review-prev-page">
              ← Previous
            </button>
          ) : null}
          {queue.data?.nextCursor ? (
            <button className="btn btn-sm" type="button" onClick={() => setCursors([...cursors, queue.data?.nextCursor ?? ""])} data-testid="review-next-page">
              Next →
            </button>
          ) : null}
        </div>
      </div>
    </Card>
  );
}

function GroupRow(props: { group: TEventGroup; canTriage: boolean; canAllow: boolean; onToggle: (panel: "detail" | "allow" | "dismiss") => void; onAcknowledge: () => void; onReopen: () => void }) {
  const { group: g, canTriage, canAllow, onToggle } = props;
  const sinceTriage = g.countAtTriage !== null ? g.eventCount - g.countAtTriage : 0;
  const canAllowKind = g.kind === "host" || g.kind === "connector";

  return (
    <tr data-testid="review-group" data-group-key={g.groupKey}>
      <td>
        <button type="button" className="btn-link mono" onClick={() => onToggle("detail")} data-testid="review-group-key">
          {g.groupKey}
        </button>
        <div className="muted" style={{ fontSize: 12 }}>
          {g.kind} · {g.lastAgent ?? ""}
          {g.lastTool ? ` · ${g.lastTool}` : ""}
        </div>
        {g.lastExcerpt ? <code style={{ fontSize: 12 }}>{g.lastExcerpt.slice(0, 160)}</code> : null}
      </td>
      <td data-testid="review-group-count">{g.eventCount}</td>
      <td>
        {g.deviceCount} / {g.userCount}
      </td>
      <td className="muted" style={{ whiteSpace: "nowrap" }} title={`first ${formatDateTime(g.firstSeen)}`}>
        {formatRelative(g.lastSeen)}
        <div style={{ fontSize: 12 }}>since {formatDateTime(g.firstSeen)}</div>
      </td>
      <td>
        {g.lastRule ? <code>{g.lastRule}</code> : null}
        <div className="muted" style={{ fontSize: 12 }}>
          {g.lastReason ?? ""}
        </div>
      </td>
      <td>
        <span className={`badge ${STATE_BADGE[g.triageState]}`} data-testid="review-group-state" title={g.triageNote ?? undefined}>
          {g.triageState}
        </span>
        {sinceTriage > 0 ? <div className="muted" style={{ fontSize: 12 }}>+{sinceTriage} since</div> : null}
      </td>
      <td>
        <div className="row">
          {canAllow && canAllowKind && g.triageState !== "allowed" ? (
            <button type="button" className="btn btn-sm btn-primary" onClick={() => onToggle("allow")} data-testid="review-allow">
              Allow this
            </button>
          ) : null}
          {canTriage && g.triageState === "new" ? (
            <button type="button" className="btn btn-sm" onClick={props.onAcknowledge} data-testid="review-acknowledge">
              Acknowledge
            </button>
          ) : null}
          {canTriage && g.triageState !== "dismissed" ? (
            <button type="button" className="btn btn-sm" onClick={() => onToggle("dismiss")} data-testid="review-dismiss">
              Dismiss
            </button>
          ) : null}
          {canTriage && g.triageState !== "new" ? (
            <button type="button" className="btn btn-sm" onClick={props.onReopen} data-testid="review-reopen">
              Reopen
            </button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
