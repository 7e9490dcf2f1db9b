import { z } from "zod";
import { ZOrganizationSchema } from "../../services/orgs/org-schemas";

export const ZGetOrganizationRequestSchema = z.object({}).strict().optional();
export const ZGetOrganizationResponseSchema = ZOrganizationSchema;
export type TGetOrganizationRequest = z.infer<typeof ZGetOrganizationRequestSchema>;
export type TGetOrganizationResponse = z.infer<typeof ZGetOrganizationResponseSchema>;
