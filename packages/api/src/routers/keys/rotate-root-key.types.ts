import { z } from "zod";

export const ZRotateRootKeyResponseSchema = z.object({ rootVersion: z.number().int(), keyId: z.string(), rootFingerprint: z.string() });
export type TRotateRootKeyResponse = z.infer<typeof ZRotateRootKeyResponseSchema>;
