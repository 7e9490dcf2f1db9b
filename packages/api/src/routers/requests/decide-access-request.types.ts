import { z } from "zod";

export const ZDecideAccessRequestRequestSchema = z
  .object({
    requestId: z.string().min(1).max(64),
    decision: z.enum(["approve", "deny"]),
    note: z.string().max(2000).optional(),
    /** Temporary allow: the grant leaves the snapshots after this time. */
    allowUntil: z.date().optional(),
  })
  .strict();
export type TDecideAccessRequestRequest = z.infer<typeof ZDecideAccessRequestRequestSchema>;
