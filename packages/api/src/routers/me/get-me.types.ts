import { z } from "zod";
import { ROLES } from "@egress/contracts";

export const ZGetMeRequestSchema = z.object({}).strict().optional();
export const ZGetMeResponseSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
  memberships: z.array(z.object({ orgId: z.string(), slug: z.string(), name: z.string(), role: z.enum(ROLES) })),
});
export type TGetMeRequest = z.infer<typeof ZGetMeRequestSchema>;
export type TGetMeResponse = z.infer<typeof ZGetMeResponseSchema>;
