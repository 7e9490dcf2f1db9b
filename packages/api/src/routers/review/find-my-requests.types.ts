import { z } from "zod";
import { ACCESS_REQUEST_STATUSES } from "@egress/contracts";

export const ZFindMyRequestsRequestSchema = z.object({ limit: z.number().int().min(1).max(100).default(50) }).strict().default({ limit: 50 });
export type TFindMyRequestsRequest = z.input<typeof ZFindMyRequestsRequestSchema>;

export const ZFindMyRequestsResponseSchema = z.array(
  z.object({
    id: z.string(),
    kind: z.string(),
    target: z.string(),
    reason: z.string(),
    status: z.enum(ACCESS_REQUEST_STATUSES),
    createdAt: z.date(),
    decidedAt: z.date().nullable(),
    decisionNote: z.string().nullable(),
    allowUntil: z.date().nullable(),
    device: z.object({ name: z.string() }).nullable(),
  }),
);
