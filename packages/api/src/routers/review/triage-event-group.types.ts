import { z } from "zod";
import { ZEventGroupSchema, ZGroupIdSchema, ZTriageStateSchema } from "./common.types";

export const ZTriageEventGroupRequestSchema = z
  .object({
    groupId: ZGroupIdSchema,
    state: ZTriageStateSchema,
    /** Required to dismiss: why these blocks need no change. */
    note: z.string().max(2000).optional(),
  })
  .strict();
export type TTriageEventGroupRequest = z.infer<typeof ZTriageEventGroupRequestSchema>;

export const ZTriageEventGroupResponseSchema = ZEventGroupSchema.pick({ id: true, triageState: true, triageNote: true, triagedByLabel: true, triagedAt: true });
