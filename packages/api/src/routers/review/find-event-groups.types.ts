import { z } from "zod";
import { ZEventGroupSchema, ZStateCountsSchema, ZTriageStateSchema } from "./common.types";

export const ZFindEventGroupsRequestSchema = z
  .object({
    state: ZTriageStateSchema.optional(),
    kind: z.enum(["host", "connector", "command", "tool"]).optional(),
    search: z.string().trim().max(200).optional(),
    agent: z.string().max(64).optional(),
    deviceId: z.string().max(64).optional(),
    user: z.string().max(128).optional(),
    rule: z.string().max(128).optional(),
    from: z.date().optional(),
    to: z.date().optional(),
    sort: z.enum(["recent", "count"]).default("recent"),
    cursor: z.string().max(512).optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict()
  .default({ sort: "recent", limit: 25 });
export type TFindEventGroupsRequest = z.input<typeof ZFindEventGroupsRequestSchema>;

export const ZFindEventGroupsResponseSchema = z.object({
  groups: z.array(ZEventGroupSchema),
  nextCursor: z.string().nullable(),
  stateCounts: ZStateCountsSchema,
  /** False while a large backlog of new events is still being folded into the queue. */
  isCaughtUp: z.boolean(),
});
export type TFindEventGroupsResponse = z.infer<typeof ZFindEventGroupsResponseSchema>;
