import { z } from "zod";

/** Organization slugs: 2–48 lowercase letters, digits and inner hyphens (used in URLs and device config). */
export const ZOrgSlugSchema = z
  .string()
  .trim()
  .min(2, "use at least 2 characters")
  .max(48, "use at most 48 characters")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "use lowercase letters, digits and inner hyphens");

export const ZOrgNameSchema = z.string().trim().min(1, "must not be empty").max(100, "use at most 100 characters");

/** Snapshot lifetime bounds: 5 minutes to 90 days. */
export const SNAPSHOT_TTL_RANGE = { min: 300, max: 90 * 24 * 3600 } as const;
/** Stale-device threshold bounds: 1 hour to 90 days. */
export const STALE_DEVICE_HOURS_RANGE = { min: 1, max: 90 * 24 } as const;

/** The organization settings an admin may change; every field optional (partial update). */
export const ZOrgSettingsPatchSchema = z
  .object({
    name: ZOrgNameSchema.optional(),
    snapshotTtlSeconds: z.number().int().min(SNAPSHOT_TTL_RANGE.min, `use at least ${SNAPSHOT_TTL_RANGE.min} seconds`).max(SNAPSHOT_TTL_RANGE.max, `use at most ${SNAPSHOT_TTL_RANGE.max} seconds (90 days)`).optional(),
    requirePublishApproval: z.boolean().optional(),
    directPublishOnApprove: z.boolean().optional(),
    staleDeviceHours: z.number().int().min(STALE_DEVICE_HOURS_RANGE.min, "use at least 1 hour").max(STALE_DEVICE_HOURS_RANGE.max, `use at most ${STALE_DEVICE_HOURS_RANGE.max} hours (90 days)`).optional(),
  })
  .strict();
export type TOrgSettingsPatch = z.infer<typeof ZOrgSettingsPatchSchema>;

/** The organization as the console shows it. */
export const ZOrganizationSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  snapshotTtlSeconds: z.number().int(),
  requirePublishApproval: z.boolean(),
  directPublishOnApprove: z.boolean(),
  staleDeviceHours: z.number().int(),
  createdAt: z.date(),
});
export type TOrganization = z.infer<typeof ZOrganizationSchema>;

/** Picks the public fields of an organization row. */
export function toOrganization(org: TOrganization): TOrganization {
  const { id, slug, name, snapshotTtlSeconds, requirePublishApproval, directPublishOnApprove, staleDeviceHours, createdAt } = org;

  return { id, slug, name, snapshotTtlSeconds, requirePublishApproval, directPublishOnApprove, staleDeviceHours, createdAt };
}
