import { z } from "zod";

export const ZFindDevicesRequestSchema = z
  .object({ scope: z.string().max(64).optional(), status: z.enum(["active", "revoked", "stale", "all"]).default("all"), query: z.string().max(128).optional() })
  .strict()
  .default({ status: "all" });
export const ZFindDevicesResponseSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    hostname: z.string().nullable(),
    platform: z.string().nullable(),
    cliVersion: z.string().nullable(),
    scope: z.string(),
    owner: z.object({ email: z.string(), name: z.string().nullable() }).nullable(),
    agents: z.array(z.string()),
    snapshotVersion: z.number().int().nullable(),
    latestVersion: z.number().int().nullable(),
    isBehind: z.boolean(),
    lastPullAt: z.date().nullable(),
    lastSeenAt: z.date().nullable(),
    isStale: z.boolean(),
    revokedAt: z.date().nullable(),
    revokedReason: z.string().nullable(),
    createdAt: z.date(),
  }),
);
export type TFindDevicesRequest = z.input<typeof ZFindDevicesRequestSchema>;
export type TFindDevicesResponse = z.infer<typeof ZFindDevicesResponseSchema>;
