import { z } from "zod";

export const ZFindEventsRequestSchema = z
  .object({
    deviceId: z.string().max(64).optional(),
    groupKey: z.string().max(512).optional(),
    triageState: z.enum(["new", "acknowledged", "allowed", "dismissed"]).optional(),
    type: z.string().max(32).optional(),
    decision: z.string().max(32).optional(),
    from: z.date().optional(),
    to: z.date().optional(),
    cursor: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()
  .default({ limit: 50 });
export type TFindEventsRequest = z.input<typeof ZFindEventsRequestSchema>;
