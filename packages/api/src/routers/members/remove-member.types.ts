import { z } from "zod";

export const ZRemoveMemberRequestSchema = z.object({ membershipId: z.string().min(1).max(64) }).strict();
export const ZRemoveMemberResponseSchema = z.object({ membershipId: z.string() });
export type TRemoveMemberRequest = z.infer<typeof ZRemoveMemberRequestSchema>;
export type TRemoveMemberResponse = z.infer<typeof ZRemoveMemberResponseSchema>;
