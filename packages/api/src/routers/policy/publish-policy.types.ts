import { z } from "zod";
import { ZScopeSchema } from "./common.types";

export const ZPublishPolicyRequestSchema = z.object({ scope: ZScopeSchema, note: z.string().max(2000).optional() }).strict();
export type TPublishPolicyRequest = z.input<typeof ZPublishPolicyRequestSchema>;
export { ZPublishResultSchema as ZPublishPolicyResponseSchema } from "./common.types";
