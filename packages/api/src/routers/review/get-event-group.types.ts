import { z } from "zod";
import { ZEventGroupSchema, ZGroupIdSchema } from "./common.types";

export const ZGetEventGroupRequestSchema = z.object({ groupId: ZGroupIdSchema }).strict();
export type TGetEventGroupRequest = z.infer<typeof ZGetEventGroupRequestSchema>;

const ZFacetSchema = z.object({ value: z.string(), eventCount: z.number().int(), lastSeen: z.date() });

export const ZGetEventGroupResponseSchema = z.object({
  group: ZEventGroupSchema.passthrough(),
  devices: z.array(z.object({ id: z.string(), name: z.string(), hostname: z.string().nullable(), ownerEmail: z.string().nullable(), eventCount: z.number().int(), lastSeen: z.date() })),
  users: z.array(ZFacetSchema),
  agents: z.array(ZFacetSchema),
  rules: z.array(ZFacetSchema),
});
export type TGetEventGroupResponse = z.infer<typeof ZGetEventGroupResponseSchema>;
