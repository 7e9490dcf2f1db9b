import { z } from "zod";
import { ROLES } from "@egress/contracts";

export const ZChangeMemberRoleRequestSchema = z.object({ membershipId: z.string().min(1).max(64), role: z.enum(ROLES) }).strict();
export const ZChangeMemberRoleResponseSchema = z.object({ membershipId: z.string(), role: z.enum(ROLES) });
export type TChangeMemberRoleRequest = z.infer<typeof ZChangeMemberRoleRequestSchema>;
export type TChangeMemberRoleResponse = z.infer<typeof ZChangeMemberRoleResponseSchema>;
