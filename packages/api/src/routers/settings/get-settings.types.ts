import { z } from "zod";
import { SNAPSHOT_TTL_RANGE, STALE_DEVICE_HOURS_RANGE, ZOrganizationSchema } from "../../services/orgs/org-schemas";

export const ZGetSettingsRequestSchema = z.object({}).strict().optional();
export const ZGetSettingsResponseSchema = z.object({
  organization: ZOrganizationSchema,
  /** Allowed ranges, so forms can say them before the server refuses. */
  limits: z.object({
    snapshotTtlSeconds: z.object({ min: z.literal(SNAPSHOT_TTL_RANGE.min), max: z.literal(SNAPSHOT_TTL_RANGE.max) }),
    staleDeviceHours: z.object({ min: z.literal(STALE_DEVICE_HOURS_RANGE.min), max: z.literal(STALE_DEVICE_HOURS_RANGE.max) }),
  }),
});
export type TGetSettingsRequest = z.infer<typeof ZGetSettingsRequestSchema>;
export type TGetSettingsResponse = z.infer<typeof ZGetSettingsResponseSchema>;
