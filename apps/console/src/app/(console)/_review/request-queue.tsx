"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Card, EmptyState } from "@/components/card";
import { ErrorNotice } from "@/components/error-notice";
import { formatDateTime, formatRelative } from "@/lib/format";
import { describeError, useTRPC } from "@/trpc/react";
import { DecideForm } from "./decide-form";
import type { TRequestQueueItem } from "./review-types";

const STATUSES = ["pending", "approved", "denied", "expired"] as const;
const STATUS_BADGE = { pending: "badge-warning", approved: "badge-success", denied: "badge-danger", expired: "" } as const;

/** Access requests with requester, device, justification and the blocks that match; approve or deny. */
export function RequestQueue({ canDecide }: { canDecide: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>("pending");
  const [cursors, setCursors] = useState<string[]>([]);
  const [open, setOpen] = useState<{ id: string; decision: "approve" | "deny" } | null>(null);
  const [outcome, setOutcome] = useState<{ id: string; message: string } | null>(null);
  const queue = useQuery({ ...trpc.review.requestQueue.queryOptions({ status, limit: 25, ...(cursors.length ? { cursor: cursors[cursors.length - 1] } : {}) }), refetchInterval: 10_000 });
  const requests = queue.data?.requests ?? [];

  return (
    <Card
      title="Request queue"
      description="From `egress-sync request` and from the console. Approving adds the target to the draft, or publishes it when the org allows direct publish."
      testId="request-queue"
      flush
      actions={STATUSES.map((s) => (
        <button key={s} type="button" className={`btn btn-sm ${s === status ? "btn-primary" : ""}`} onClick={() => (setStatus(s), setCursors([]))} data-testid={`request-tab-${s}`}>
          {s}
        </button>
      ))}
    >
      <div className="card-body">
        <ErrorNotice message={queue.error ? describeError(queue.error) : null} />
        {outcome ? (
          <div className="notice notice-success" data-testid="decide-outcome">
            {outcome.message}
          </div>
        ) : null}
      </div>
      {requests.length === 0 ? (
        <EmptyState>{queue.isLoading ? "Loading…" : `No ${status} requests.`}</EmptyState>
      ) : (
        <div className="stack" style={{ padding: "0 16px 16px" }}>
          {requests.map((r) => (
            <RequestItem key={r.id} request={r} canDecide={canDecide} open={open?.id === r.id ? open.decision : null} onOpen={(decision) => setOpen(decision ? { id: r.id, decision } : null)} onDone={(message) => {
              setOpen(null);
              setOutcome({ id: r.id, message });
              void queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
              void queryClient.invalidateQueries({ queryKey: trpc.requests.pathKey() });
            }} />
          ))}
        </div>
      )}
      <div className="pagination">
        <span className="muted">Newest first</span>
        <div className="row">
          {cursors.length > 0 ? <button className="btn btn-sm" type="button" onClick={() => setCursors(cursors.slice(0, -1))}>← Previous</button> : null}
          {queue.data?.nextCursor ? <button className="btn btn-sm" type="button" onClick={() => setCursors([...cursors, queue.data?.nextCursor ?? ""])} data-testid="requests-next-page">Next →</button> : null}
        </div>
      </div>
    </Card>
  );
}

function RequestItem({ request: r, canDecide, open, onOpen, onDone }: { request: TRequestQueueItem; canDecide: boolean; open: "approve" | "deny" | null; onOpen: (d: "approve" | "deny" | null) => void; onDone: (message: string) => void }) {
  return (
    <div className="card" data-testid="request-item" data-target={r.target}>
      <div className="card-body stack">
        <div className="row" style={{ justifyContent: "space-between", flexWrap: "wrap" }}>
          <div>
            <span className="badge">{r.kind}</span> <code data-testid="request-target">{r.target}</code>{" "}
            <span className={`badge ${STATUS_BADGE[r.status]}`} data-testid="request-status">{r.status}</span>
            <div className="muted" style={{ fontSize: 13 }}>
              {r.requester?.email ?? "unknown requester"}
              {r.device ? ` · ${r.device.name} (scope ${r.device.scope})` : " · from the console"} · {formatRelative(r.createdAt)}
            </div>
          </div>
          {canDecide && r.status === "pending" && !open ? (
            <div className="row">
              <button className="btn btn-sm btn-primary" type="button" onClick={() => onOpen("approve")} data-testid="request-approve">Approve…</button>
              <button className="btn btn-sm btn-danger" type="button" onClick={() => onOpen("deny")} data-testid="request-deny">Deny…</button>
            </div>
          ) : null}
        </div>
        <div data-testid="request-reason">“{r.reason}”</div>
        {r.decisionNote || r.decidedBy ? (
          <div className="muted" style={{ fontSize: 13 }}>
            {r.status} by {r.decidedBy?.email ?? "?"} {r.decidedAt ? formatRelative(r.decidedAt) : ""}
            {r.decisionNote ? `: ${r.decisionNote}` : ""}
            {r.allowUntil ? ` · until ${formatDateTime(r.allowUntil)}` : ""}
          </div>
        ) : null}
        {r.matchingGroup ? (
          <div data-testid="request-matching-blocks">
            <div className="label">
              Matching blocks: {r.matchingGroup.eventCount} on {r.matchingGroup.deviceCount} device(s), last {formatRelative(r.matchingGroup.lastSeen)}
              {r.fromRequesterDevice ? ` · ${r.fromRequesterDevice.eventCount} from this device` : ""} · {r.matchingGroup.triageState}
            </div>
            {r.recentBlocks.map((b) => (
              <div key={b.id} className="muted" style={{ fontSize: 13 }}>
                {formatDateTime(b.occurredAt)} · {b.deviceName} · {b.agent}
                {b.rule ? ` · ${b.rule}` : ""} · <code>{(b.excerpt ?? "").slice(0, 160)}</code>
              </div>
            ))}
          </div>
        ) : (
          <div className="muted" style={{ fontSize: 13 }}>No recorded blocks match this target.</div>
        )}
        {open ? <DecideForm requestId={r.id} decision={open} onDone={onDone} onCancel={() => onOpen(null)} /> : null}
      </div>
    </div>
  );
}
