import { z } from "zod";
import { ZScopeSchema } from "./common.types";

export const ZFindRevisionsRequestSchema = z.object({ scope: ZScopeSchema, limit: z.number().int().min(1).max(200).default(50) }).strict();
export const ZFindRevisionsResponseSchema = z.array(
  z.object({
    id: z.string(),
    number: z.number().int(),
    status: z.enum(["pending_approval", "published", "rejected"]),
    note: z.string().nullable(),
    digest: z.string(),
    createdAt: z.date(),
    publishedAt: z.date().nullable(),
    rollbackOfId: z.string().nullable(),
    createdBy: z.string().nullable(),
    approvedBy: z.string().nullable(),
    snapshotVersions: z.array(z.number().int()),
  }),
);
export type TFindRevisionsRequest = z.input<typeof ZFindRevisionsRequestSchema>;
export type TFindRevisionsResponse = z.infer<typeof ZFindRevisionsResponseSchema>;
