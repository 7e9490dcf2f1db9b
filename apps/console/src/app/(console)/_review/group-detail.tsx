"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { formatDateTime, formatRelative } from "@/lib/format";
import { useTRPC } from "@/trpc/react";

/** One group's affected devices and users, and its events (redacted excerpts), page by page. */
export function GroupDetail({ groupId }: { groupId: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.review.group.queryOptions({ groupId }));
  const events = useInfiniteQuery(trpc.review.groupEvents.infiniteQueryOptions({ groupId, limit: 20 }, { getNextPageParam: (last) => last.nextCursor ?? undefined }));
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];

  return (
    <div className="stack" data-testid="group-detail">
      {detail.data ? (
        <div className="row" style={{ alignItems: "flex-start", gap: 24, flexWrap: "wrap" }}>
          <div>
            <div className="label">Devices</div>
            {detail.data.devices.map((d) => (
              <div key={d.id} data-testid="group-device">
                {d.name} <span className="muted">{d.ownerEmail ?? ""} · {d.eventCount} · {formatRelative(d.lastSeen)}</span>
              </div>
            ))}
          </div>
          <div>
            <div className="label">Users</div>
            {detail.data.users.map((u) => (
              <div key={u.value}>
                {u.value} <span className="muted">· {u.eventCount}</span>
              </div>
            ))}
          </div>
          <div>
            <div className="label">Rules</div>
            {detail.data.rules.map((r) => (
              <div key={r.value}>
                <code>{r.value}</code> <span className="muted">· {r.eventCount}</span>
              </div>
            ))}
          </div>
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Agent / tool</th>
              <th scope="col">Device</th>
              <th scope="col">Rule / reason</th>
              <th scope="col">Excerpt (redacted)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} data-testid="group-event">
                <td className="muted" style={{ whiteSpace: "nowrap" }}>
                  {formatDateTime(e.occurredAt)}
                </td>
                <td>
                  {e.agent}
                  {e.tool ? <span className="muted"> · {e.tool}</span> : null}
                </td>
                <td>
                  {e.device.name}
                  {e.userName ? <div className="muted">{e.userName}</div> : null}
                </td>
                <td>
                  {e.rule ? <code>{e.rule}</code> : null}
                  <div className="muted">{e.reason ?? ""}</div>
                </td>
                <td>
                  <code>{e.excerpt ?? "—"}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events.hasNextPage ? (
        <button className="btn btn-sm" type="button" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage} data-testid="group-events-more">
          Older events
        </button>
      ) : null}
    </div>
  );
}
