import { z } from "zod";
import { ACCESS_REQUEST_STATUSES } from "@egress/contracts";
import { ZTriageStateSchema } from "./common.types";

export const ZFindRequestQueueRequestSchema = z
  .object({ status: z.enum(ACCESS_REQUEST_STATUSES).optional(), cursor: z.string().max(64).optional(), limit: z.number().int().min(1).max(100).default(25) })
  .strict()
  .default({ limit: 25 });
export type TFindRequestQueueRequest = z.input<typeof ZFindRequestQueueRequestSchema>;

export const ZRequestQueueItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  target: z.string(),
  reason: z.string(),
  status: z.enum(ACCESS_REQUEST_STATUSES),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
  allowUntil: z.date().nullable(),
  requester: z.object({ email: z.string(), name: z.string().nullable() }).nullable(),
  decidedBy: z.object({ email: z.string() }).nullable(),
  device: z.object({ id: z.string().nullable(), name: z.string(), scope: z.string() }).nullable(),
  matchingGroup: z.object({ id: z.string(), eventCount: z.number().int(), deviceCount: z.number().int(), lastSeen: z.date(), triageState: ZTriageStateSchema }).nullable(),
  fromRequesterDevice: z.object({ eventCount: z.number().int(), lastSeen: z.date() }).nullable(),
  recentBlocks: z.array(
    z.object({ id: z.string(), occurredAt: z.date(), agent: z.string(), tool: z.string().nullable(), rule: z.string().nullable(), reason: z.string().nullable(), excerpt: z.string().nullable(), deviceName: z.string() }),
  ),
});
export type TRequestQueueItem = z.infer<typeof ZRequestQueueItemSchema>;

export const ZFindRequestQueueResponseSchema = z.object({ requests: z.array(ZRequestQueueItemSchema), nextCursor: z.string().nullable() });
