"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { WINDOWS } from "./review-types";

export type TQueueFilters = { window: string; kind: string; agent: string; deviceId: string; user: string; rule: string; search: string; sort: "recent" | "count" };

export const EMPTY_FILTERS: TQueueFilters = { window: "all", kind: "", agent: "", deviceId: "", user: "", rule: "", search: "", sort: "recent" };

function Select({ label, value, onChange, options, testId }: { label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; testId: string }) {
  return (
    <label className="field">
      <span className="label">{label}</span>
      <select className="select" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The queue's filters: time window, kind, agent, device, user, rule, search and sort. */
export function ReviewFilters({ value, onChange }: { value: TQueueFilters; onChange: (next: TQueueFilters) => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.review.filterOptions.queryOptions(undefined, { staleTime: 30_000 }));
  const any = (label: string) => [{ value: "", label }];
  const set = (key: keyof TQueueFilters) => (v: string) => onChange({ ...value, [key]: v });

  return (
    <div className="form-row" data-testid="review-filters">
      <Select label="When" value={value.window} onChange={set("window")} options={WINDOWS.map((w) => ({ value: w.value, label: w.label }))} testId="filter-window" />
      <Select
        label="Kind"
        value={value.kind}
        onChange={set("kind")}
        options={[...any("Any kind"), { value: "host", label: "Destination" }, { value: "connector", label: "Connector" }, { value: "command", label: "Command" }, { value: "tool", label: "Tool" }]}
        testId="filter-kind"
      />
      <Select label="Agent" value={value.agent} onChange={set("agent")} options={[...any("Any agent"), ...(options.data?.agents ?? []).map((a) => ({ value: a, label: a }))]} testId="filter-agent" />
      <Select label="Device" value={value.deviceId} onChange={set("deviceId")} options={[...any("Any device"), ...(options.data?.devices ?? []).map((d) => ({ value: d.id, label: d.name }))]} testId="filter-device" />
      <Select label="User" value={value.user} onChange={set("user")} options={[...any("Any user"), ...(options.data?.users ?? []).map((u) => ({ value: u, label: u }))]} testId="filter-user" />
      <Select label="Rule" value={value.rule} onChange={set("rule")} options={[...any("Any rule"), ...(options.data?.rules ?? []).map((r) => ({ value: r, label: r }))]} testId="filter-rule" />
      <label className="field field-grow">
        <span className="label">Search</span>
        <input className="input" type="search" value={value.search} onChange={(e) => set("search")(e.target.value)} placeholder="host, connector or command" data-testid="filter-search" />
      </label>
      <Select label="Sort" value={value.sort} onChange={set("sort")} options={[{ value: "recent", label: "Latest first" }, { value: "count", label: "Most blocked" }]} testId="filter-sort" />
    </div>
  );
}
