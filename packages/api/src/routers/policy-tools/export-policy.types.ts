import { z } from "zod";
import { ZPolicyRefSchema, ZToolsScopeSchema } from "./common.types";

export const ZExportPolicyRequestSchema = z.object({ scope: ZToolsScopeSchema, ref: ZPolicyRefSchema.default({ type: "draft" }) }).strict();
export const ZExportPolicyResponseSchema = z.object({ label: z.string(), fileName: z.string(), json: z.string(), isValid: z.boolean() });
export type TExportPolicyRequest = z.input<typeof ZExportPolicyRequestSchema>;
export type TExportPolicyResponse = z.infer<typeof ZExportPolicyResponseSchema>;
