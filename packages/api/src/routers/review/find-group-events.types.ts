import { z } from "zod";
import { ZGroupIdSchema } from "./common.types";

export const ZFindGroupEventsRequestSchema = z
  .object({
    groupId: ZGroupIdSchema,
    cursor: z.string().max(256).optional(),
    limit: z.number().int().min(1).max(100).default(20),
    /** Sent by infinite queries (@trpc/tanstack-react-query); pages only go forward. */
    direction: z.enum(["forward", "backward"]).optional(),
  })
  .strict();
export type TFindGroupEventsRequest = z.input<typeof ZFindGroupEventsRequestSchema>;

export const ZFindGroupEventsResponseSchema = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      occurredAt: z.date(),
      receivedAt: z.date(),
      type: z.string(),
      decision: z.string(),
      agent: z.string(),
      tool: z.string().nullable(),
      destination: z.string().nullable(),
      rule: z.string().nullable(),
      reason: z.string().nullable(),
      excerpt: z.string().nullable(),
      userName: z.string().nullable(),
      policyVersion: z.number().int().nullable(),
      device: z.object({ id: z.string(), name: z.string(), ownerEmail: z.string().nullable() }),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type TFindGroupEventsResponse = z.infer<typeof ZFindGroupEventsResponseSchema>;
