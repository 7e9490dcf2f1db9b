import { z } from "zod";

export const ZGetKeysResponseSchema = z.object({
  rootVersion: z.number().int(),
  rootFingerprint: z.string(),
  rootIssuedAt: z.string(),
  threshold: z.number().int(),
  keys: z.array(z.object({ keyId: z.string(), kind: z.enum(["root", "snapshot"]), rootVersion: z.number().int(), createdAt: z.date(), retiredAt: z.date().nullable(), isActive: z.boolean() })),
});
export type TGetKeysResponse = z.infer<typeof ZGetKeysResponseSchema>;
