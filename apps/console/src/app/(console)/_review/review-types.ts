import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/app-router";

type TOutputs = inferRouterOutputs<AppRouter>;

export type TEventGroup = TOutputs["review"]["groups"]["groups"][number];
export type TRequestQueueItem = TOutputs["review"]["requestQueue"]["requests"][number];
export type TTriageState = TEventGroup["triageState"];

export const TRIAGE_STATES = ["new", "acknowledged", "allowed", "dismissed"] as const;

export const STATE_BADGE: Record<TTriageState, string> = { new: "badge-primary", acknowledged: "badge-warning", allowed: "badge-success", dismissed: "" };

/** Time windows the queue filters by (milliseconds back from now; null: all time). */
export const WINDOWS = [
  { label: "Last hour", value: "1h", ms: 3_600_000 },
  { label: "Last 24 hours", value: "24h", ms: 86_400_000 },
  { label: "Last 7 days", value: "7d", ms: 7 * 86_400_000 },
  { label: "Last 30 days", value: "30d", ms: 30 * 86_400_000 },
  { label: "All time", value: "all", ms: null },
] as const;
