import { z } from "zod";
import { ZIssueSchema, ZPolicyRefSchema, ZToolsScopeSchema } from "./common.types";

export const ZDiffPolicyRequestSchema = z
  .object({
    scope: ZToolsScopeSchema,
    from: ZPolicyRefSchema.default({ type: "published" }),
    to: ZPolicyRefSchema.default({ type: "draft" }),
    context: z.number().int().min(0).max(50).default(3),
  })
  .strict();

const ZSideSchema = z.object({ label: z.string(), exists: z.boolean(), errors: z.array(ZIssueSchema) });

export const ZDiffPolicyResponseSchema = z.object({
  from: ZSideSchema,
  to: ZSideSchema,
  /** Changes by meaning; null when a side is invalid (then only the text diff is available). */
  changes: z.array(z.object({ kind: z.string(), path: z.string(), before: z.unknown().optional(), after: z.unknown().optional(), summary: z.string() })).nullable(),
  isIdentical: z.boolean(),
  lines: z.array(z.object({ op: z.enum([" ", "+", "-", "…"]), text: z.string() })),
});
export type TDiffPolicyRequest = z.input<typeof ZDiffPolicyRequestSchema>;
export type TDiffPolicyResponse = z.infer<typeof ZDiffPolicyResponseSchema>;
