import { z } from "zod";
import { ROLES } from "@egress/contracts";

export const ZListOrganizationsRequestSchema = z.object({}).strict().optional();
export const ZListOrganizationsResponseSchema = z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), role: z.enum(ROLES) }));
export type TListOrganizationsRequest = z.infer<typeof ZListOrganizationsRequestSchema>;
export type TListOrganizationsResponse = z.infer<typeof ZListOrganizationsResponseSchema>;
