"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, EmptyState } from "@/components/card";
import { ErrorNotice } from "@/components/error-notice";
import { formatRelative } from "@/lib/format";
import { describeError, useTRPC } from "@/trpc/react";

const RANGES = [1, 7, 14, 30] as const;
const FRESHNESS = [
  { key: "lastHour", label: "< 1 h", color: "#16a34a" },
  { key: "lastDay", label: "< 24 h", color: "#65a30d" },
  { key: "withinThreshold", label: "within threshold", color: "#ca8a04" },
  { key: "stale", label: "stale", color: "#dc2626" },
  { key: "never", label: "never pulled", color: "#6b7280" },
] as const;

const tick = (bucket: "hour" | "day") => (value: string | number | Date) =>
  new Date(value).toLocaleString(undefined, bucket === "hour" ? { hour: "2-digit", minute: "2-digit" } : { month: "short", day: "numeric" });

/** Overview charts: blocks over time, top blocked destinations, fleet freshness, pending requests and the triage backlog. */
export function DashboardCharts() {
  const trpc = useTRPC();
  const [days, setDays] = useState<(typeof RANGES)[number]>(14);
  const summary = useQuery({ ...trpc.dashboard.summary.queryOptions({ days }), refetchInterval: 30_000, placeholderData: (prev) => prev });
  const data = summary.data;
  if (summary.error) return <ErrorNotice message={describeError(summary.error)} />;
  if (!data) return <EmptyState>Loading…</EmptyState>;
  const series = data.blocksOverTime.map((b) => ({ ...b, at: b.at.getTime() }));
  const fleet = FRESHNESS.map((f) => ({ ...f, value: data.fleet[f.key] }));

  return (
    <div className="stack" data-testid="dashboard">
      <div className="stats">
        <Link href="/requests" className="card stat">
          <div className="stat-label">Pending requests</div>
          <div className="stat-value" data-testid="dashboard-pending">{data.pendingRequests.count}</div>
          <div className="stat-hint">{data.pendingRequests.oldestAt ? `oldest ${formatRelative(data.pendingRequests.oldestAt)}` : "none waiting"}</div>
        </Link>
        <Link href="/events" className="card stat">
          <div className="stat-label">Groups to review</div>
          <div className="stat-value" data-testid="dashboard-new-groups">{data.triage.new}</div>
          <div className="stat-hint">{data.triage.acknowledged} acknowledged · {data.triage.dismissed} dismissed</div>
        </Link>
        <Link href="/devices" className="card stat">
          <div className="stat-label">Stale devices</div>
          <div className="stat-value" data-testid="dashboard-stale">{data.fleet.stale}</div>
          <div className="stat-hint">of {data.fleet.total}; stale after {data.fleet.staleDeviceHours} h</div>
        </Link>
      </div>
      <Card
        title="Blocks over time"
        testId="chart-blocks"
        actions={RANGES.map((r) => (
          <button key={r} type="button" className={`btn btn-sm ${r === days ? "btn-primary" : ""}`} onClick={() => setDays(r)} data-testid={`dashboard-range-${r}`}>
            {r === 1 ? "24 h" : `${r} d`}
          </button>
        ))}
      >
        <div style={{ width: "100%", height: 220 }}>
          <ResponsiveContainer>
            <AreaChart data={series} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="at" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={tick(data.bucket)} />
              <YAxis allowDecimals={false} width={40} />
              <Tooltip labelFormatter={(v) => new Date(Number(v)).toLocaleString()} />
              <Legend />
              <Area type="monotone" dataKey="blocked" name="blocked" stackId="1" stroke="#dc2626" fill="#fecaca" isAnimationActive={false} />
              <Area type="monotone" dataKey="warned" name="would block (observe)" stackId="1" stroke="#ca8a04" fill="#fef08a" isAnimationActive={false} />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      </Card>
      <div className="stats" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(320px, 1fr))" }}>
        <Card title="Top blocked destinations" testId="chart-top">
          {data.topDestinations.length === 0 ? (
            <EmptyState>No blocks in this window.</EmptyState>
          ) : (
            <div style={{ width: "100%", height: 40 + data.topDestinations.length * 28 }}>
              <ResponsiveContainer>
                <BarChart data={data.topDestinations} layout="vertical" margin={{ left: 8, right: 16 }}>
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="groupKey" width={170} tick={{ fontSize: 12 }} />
                  <Tooltip />
                  <Bar dataKey="eventCount" name="events" fill="#2563eb" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
        </Card>
        <Card title="Fleet freshness (last pull)" testId="chart-fleet">
          {data.fleet.total === 0 ? (
            <EmptyState>No devices enrolled yet.</EmptyState>
          ) : (
            <div style={{ width: "100%", height: 200 }}>
              <ResponsiveContainer>
                <BarChart data={fleet} margin={{ left: 0, right: 8 }}>
                  <XAxis dataKey="label" tick={{ fontSize: 12 }} />
                  <YAxis allowDecimals={false} width={32} />
                  <Tooltip />
                  <Bar dataKey="value" name="devices" isAnimationActive={false}>
                    {fleet.map((f) => (
                      <Cell key={f.key} fill={f.color} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
