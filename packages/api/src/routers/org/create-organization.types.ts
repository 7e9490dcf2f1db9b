import { z } from "zod";
import { ZOrganizationSchema, ZOrgNameSchema, ZOrgSlugSchema } from "../../services/orgs/org-schemas";

export const ZCreateOrganizationRequestSchema = z.object({ slug: ZOrgSlugSchema, name: ZOrgNameSchema }).strict();
export const ZCreateOrganizationResponseSchema = ZOrganizationSchema;
export type TCreateOrganizationRequest = z.infer<typeof ZCreateOrganizationRequestSchema>;
export type TCreateOrganizationResponse = z.infer<typeof ZCreateOrganizationResponseSchema>;
