import { z } from "zod";

export const ZRotateSigningKeyResponseSchema = z.object({
  rootVersion: z.number().int(),
  keyId: z.string(),
  resigned: z.array(z.object({ scope: z.string(), version: z.number().int() })),
});
export type TRotateSigningKeyResponse = z.infer<typeof ZRotateSigningKeyResponseSchema>;
