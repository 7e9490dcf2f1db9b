import { z } from "zod";

export const ZGetDashboardSummaryRequestSchema = z.object({ days: z.number().int().min(1).max(90).default(14) }).strict().default({ days: 14 });
export type TGetDashboardSummaryRequest = z.input<typeof ZGetDashboardSummaryRequestSchema>;

const ZCountsSchema = z.object({ new: z.number().int(), acknowledged: z.number().int(), allowed: z.number().int(), dismissed: z.number().int() });

export const ZGetDashboardSummaryResponseSchema = z.object({
  bucket: z.enum(["hour", "day"]),
  blocksOverTime: z.array(z.object({ at: z.date(), blocked: z.number().int(), warned: z.number().int(), total: z.number().int() })),
  topDestinations: z.array(z.object({ id: z.string(), groupKey: z.string(), kind: z.string(), eventCount: z.number().int(), deviceCount: z.number().int(), lastSeen: z.date(), triageState: z.string() })),
  fleet: z.object({ total: z.number().int(), staleDeviceHours: z.number().int(), lastHour: z.number().int(), lastDay: z.number().int(), withinThreshold: z.number().int(), stale: z.number().int(), never: z.number().int() }),
  pendingRequests: z.object({ count: z.number().int(), oldestAt: z.date().nullable() }),
  triage: ZCountsSchema,
});
export type TGetDashboardSummaryResponse = z.infer<typeof ZGetDashboardSummaryResponseSchema>;
