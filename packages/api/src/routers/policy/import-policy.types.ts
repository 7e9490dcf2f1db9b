import { z } from "zod";
import { ZScopeSchema } from "./common.types";

/** The file's text as uploaded: a cross-provider-egress-guard `mcp-gate-policy.json` or a native document. */
export const ZImportPolicyRequestSchema = z.object({ scope: ZScopeSchema, source: z.string().min(1).max(1024 * 1024), baseVersion: z.number().int().nonnegative() }).strict();
export const ZImportPolicyResponseSchema = z.object({ draftVersion: z.number().int(), report: z.array(z.object({ path: z.string(), message: z.string() })) });
export type TImportPolicyRequest = z.input<typeof ZImportPolicyRequestSchema>;
export type TImportPolicyResponse = z.infer<typeof ZImportPolicyResponseSchema>;
