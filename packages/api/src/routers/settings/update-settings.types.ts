import type { z } from "zod";
import { ZOrganizationSchema, ZOrgSettingsPatchSchema } from "../../services/orgs/org-schemas";

export const ZUpdateSettingsRequestSchema = ZOrgSettingsPatchSchema;
export const ZUpdateSettingsResponseSchema = ZOrganizationSchema;
export type TUpdateSettingsRequest = z.infer<typeof ZUpdateSettingsRequestSchema>;
export type TUpdateSettingsResponse = z.infer<typeof ZUpdateSettingsResponseSchema>;
