import { z } from "zod";

export const ZRevokeEnrollmentTokenRequestSchema = z.object({ tokenId: z.string().min(1).max(64) }).strict();
export const ZRevokeEnrollmentTokenResponseSchema = z.object({ id: z.string(), revokedAt: z.date().nullable() });
export type TRevokeEnrollmentTokenRequest = z.infer<typeof ZRevokeEnrollmentTokenRequestSchema>;
