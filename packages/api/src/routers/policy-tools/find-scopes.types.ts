import { z } from "zod";

export const ZFindScopesRequestSchema = z.void();
export const ZFindScopesResponseSchema = z.array(
  z.object({
    scope: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    draftVersion: z.number().int(),
    draftUpdatedAt: z.date().nullable(),
    draftUpdatedBy: z.string().nullable(),
    devices: z.number().int(),
    published: z
      .object({
        revision: z.number().int(),
        mode: z.enum(["enforce", "observe"]).nullable(),
        snapshotVersion: z.number().int().nullable(),
        publishedAt: z.date().nullable(),
        publishedBy: z.string().nullable(),
        approvedBy: z.string().nullable(),
        note: z.string().nullable(),
      })
      .nullable(),
  }),
);
export type TFindScopesResponse = z.infer<typeof ZFindScopesResponseSchema>;
