import { z } from "zod";

export const ZRevokeDeviceRequestSchema = z.object({ deviceId: z.string().min(1).max(64), reason: z.string().trim().min(1).max(500) }).strict();
export const ZRevokeDeviceResponseSchema = z.object({ id: z.string(), revokedAt: z.date().nullable(), revokedReason: z.string().nullable() });
export type TRevokeDeviceRequest = z.infer<typeof ZRevokeDeviceRequestSchema>;
