import { z } from "zod";
import { ZScopeSchema } from "./common.types";

export const ZRollbackPolicyRequestSchema = z.object({ scope: ZScopeSchema, revisionNumber: z.number().int().positive(), note: z.string().max(2000).optional() }).strict();
export type TRollbackPolicyRequest = z.input<typeof ZRollbackPolicyRequestSchema>;
export { ZPublishResultSchema as ZRollbackPolicyResponseSchema } from "./common.types";
