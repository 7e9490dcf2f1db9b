import { z } from "zod";

export const ZFindAuditEventsRequestSchema = z
  .object({
    actor: z.string().trim().min(1).max(200).optional(),
    action: z.string().trim().min(1).max(100).optional(),
    from: z.date().optional(),
    to: z.date().optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()
  .default({ limit: 50 });
export const ZAuditEventSchema = z.object({
  id: z.string(),
  createdAt: z.date(),
  actorType: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export const ZFindAuditEventsResponseSchema = z.object({ items: z.array(ZAuditEventSchema), nextCursor: z.string().nullable() });
export type TFindAuditEventsRequest = z.input<typeof ZFindAuditEventsRequestSchema>;
export type TFindAuditEventsResponse = z.infer<typeof ZFindAuditEventsResponseSchema>;
