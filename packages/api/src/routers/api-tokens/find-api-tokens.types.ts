import { z } from "zod";
import { ZApiTokenSchema } from "../../services/api-tokens/api-token-schemas";

export const ZFindApiTokensRequestSchema = z.object({}).strict().optional();
export const ZFindApiTokensResponseSchema = z.array(ZApiTokenSchema);
export type TFindApiTokensRequest = z.infer<typeof ZFindApiTokensRequestSchema>;
export type TFindApiTokensResponse = z.infer<typeof ZFindApiTokensResponseSchema>;
