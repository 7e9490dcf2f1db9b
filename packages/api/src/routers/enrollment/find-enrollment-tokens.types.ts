import { z } from "zod";

export const ZFindEnrollmentTokensResponseSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string().nullable(),
    prefix: z.string(),
    scope: z.string(),
    expiresAt: z.date(),
    maxUses: z.number().int(),
    uses: z.number().int(),
    revokedAt: z.date().nullable(),
    createdAt: z.date(),
    createdBy: z.string().nullable(),
    ownerUserId: z.string().nullable(),
    devices: z.number().int(),
    state: z.enum(["active", "expired", "exhausted", "revoked"]),
  }),
);
export type TFindEnrollmentTokensResponse = z.infer<typeof ZFindEnrollmentTokensResponseSchema>;
