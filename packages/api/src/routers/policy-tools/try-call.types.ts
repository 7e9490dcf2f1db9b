import { z } from "zod";
import { ZAgentSchema, ZCallSummarySchema, ZToolsScopeSchema, ZWorkingDocumentSchema } from "./common.types";

export const ZTryCallRequestSchema = z
  .object({
    scope: ZToolsScopeSchema,
    agent: ZAgentSchema,
    /** The agent's raw hook JSON, as pasted. */
    raw: z.string().min(1).max(256 * 1024),
    gitRemotes: z.record(z.string().max(100), z.string().max(1000)).optional(),
    document: ZWorkingDocumentSchema.optional(),
  })
  .strict();

export const ZTryCallResponseSchema = z.object({
  draftLabel: z.string(),
  draft: z.object({
    decision: z.object({ effect: z.enum(["allow", "deny"]), rule: z.string(), reason: z.string(), wouldDeny: z.boolean().optional(), observedRule: z.string().optional(), destination: z.string().optional(), requestCommand: z.string().optional(), warn: z.boolean().optional() }),
    enforcedEffect: z.enum(["allow", "deny"]),
    enforcedRule: z.string(),
    call: ZCallSummarySchema,
    steps: z.array(z.string()),
  }),
  published: z.object({ label: z.string(), enforcedEffect: z.enum(["allow", "deny"]), enforcedRule: z.string(), reason: z.string() }).nullable(),
});
export type TTryCallRequest = z.input<typeof ZTryCallRequestSchema>;
export type TTryCallResponse = z.infer<typeof ZTryCallResponseSchema>;
