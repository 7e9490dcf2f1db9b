import { z } from "zod";
import { ZScopeSchema } from "./common.types";

export const ZGetPolicyRequestSchema = z.object({ scope: ZScopeSchema }).strict();
export const ZGetPolicyResponseSchema = z.object({
  scope: z.string(),
  draft: z.unknown(),
  draftVersion: z.number().int(),
  draftUpdatedAt: z.date().nullable(),
  draftUpdatedBy: z.string().nullable(),
  published: z
    .object({ revisionId: z.string(), revision: z.number().int(), document: z.unknown(), publishedAt: z.date().nullable(), snapshotVersion: z.number().int().nullable(), snapshotExpiresAt: z.date().nullable() })
    .nullable(),
  pending: z.array(z.object({ id: z.string(), number: z.number().int(), createdById: z.string().nullable(), createdAt: z.date(), note: z.string().nullable() })),
});
export type TGetPolicyRequest = z.input<typeof ZGetPolicyRequestSchema>;
export type TGetPolicyResponse = z.infer<typeof ZGetPolicyResponseSchema>;
