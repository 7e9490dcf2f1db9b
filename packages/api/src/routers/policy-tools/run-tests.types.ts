import { z } from "zod";
import { ZCallSummarySchema, ZIssueSchema, ZToolsScopeSchema, ZWorkingDocumentSchema } from "./common.types";

export const ZRunTestsRequestSchema = z.object({ scope: ZToolsScopeSchema, document: ZWorkingDocumentSchema.optional() }).strict();
export const ZRunTestsResponseSchema = z.object({
  label: z.string(),
  isValid: z.boolean(),
  errors: z.array(ZIssueSchema),
  passed: z.number().int(),
  failed: z.number().int(),
  results: z.array(
    z.object({
      index: z.number().int(),
      name: z.string(),
      agent: z.string(),
      passed: z.boolean(),
      expected: z.string(),
      actual: z.string(),
      reason: z.string(),
      input: z.string(),
      call: ZCallSummarySchema,
    }),
  ),
});
export type TRunTestsRequest = z.input<typeof ZRunTestsRequestSchema>;
export type TRunTestsResponse = z.infer<typeof ZRunTestsResponseSchema>;
