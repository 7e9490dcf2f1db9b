import { z } from "zod";
import { ZApiTokenSchema } from "../../services/api-tokens/api-token-schemas";

export const ZRevokeApiTokenRequestSchema = z.object({ id: z.string().min(1).max(64) }).strict();
export const ZRevokeApiTokenResponseSchema = ZApiTokenSchema;
export type TRevokeApiTokenRequest = z.infer<typeof ZRevokeApiTokenRequestSchema>;
export type TRevokeApiTokenResponse = z.infer<typeof ZRevokeApiTokenResponseSchema>;
