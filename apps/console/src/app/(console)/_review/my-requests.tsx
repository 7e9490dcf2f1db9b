"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Card, EmptyState } from "@/components/card";
import { ErrorNotice } from "@/components/error-notice";
import { formatDateTime, formatRelative } from "@/lib/format";
import { describeError, useTRPC } from "@/trpc/react";

const KINDS = ["host", "connector", "command"] as const;

/** The member's own requests and their outcomes, and a form to ask for access from the console. */
export function MyRequests() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery({ ...trpc.review.myRequests.queryOptions(), refetchInterval: 15_000 });
  const [kind, setKind] = useState<(typeof KINDS)[number]>("host");
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const create = useMutation(
    trpc.review.createRequest.mutationOptions({
      onSuccess: () => {
        setTarget("");
        setReason("");
        void queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
      },
    }),
  );

  return (
    <Card title="My requests" description="What you asked for, and what the reviewers decided. Devices see the same with `egress-sync requests`." testId="my-requests" flush>
      <div className="card-body">
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ kind, target, reason });
          }}
        >
          <label className="field">
            <span className="label">Kind</span>
            <select className="select" value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])} data-testid="my-request-kind">
              {KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="label">Target</span>
            <input className="input mono" value={target} onChange={(e) => setTarget(e.target.value)} placeholder="api.example.com" required data-testid="my-request-target" />
          </label>
          <label className="field field-grow">
            <span className="label">Why</span>
            <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} required data-testid="my-request-reason" />
          </label>
          <button className="btn btn-primary btn-sm" type="submit" disabled={create.isPending} data-testid="my-request-submit">
            Ask for access
          </button>
        </form>
        <ErrorNotice message={create.error ? describeError(create.error) : mine.error ? describeError(mine.error) : null} />
      </div>
      {(mine.data ?? []).length === 0 ? (
        <EmptyState>No requests yet.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Target</th>
                <th scope="col">Status</th>
                <th scope="col">Decision</th>
                <th scope="col">Filed</th>
              </tr>
            </thead>
            <tbody>
              {(mine.data ?? []).map((r) => (
                <tr key={r.id} data-testid="my-request-row">
                  <td>
                    <code>{r.target}</code> <span className="muted">{r.kind}{r.device ? ` · ${r.device.name}` : ""}</span>
                  </td>
                  <td>
                    <span className="badge" data-testid="my-request-status">{r.status}</span>
                  </td>
                  <td className="muted">
                    {r.decisionNote ?? ""}
                    {r.allowUntil ? ` (until ${formatDateTime(r.allowUntil)})` : ""}
                  </td>
                  <td className="muted">{formatRelative(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
