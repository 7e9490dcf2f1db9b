import { z } from "zod";
import { ROLES } from "@egress/contracts";
import { ZApiTokenSchema } from "../../services/api-tokens/api-token-schemas";

export const ZCreateApiTokenRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    role: z.enum(ROLES).default("admin"),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();
/** The only response that carries the secret (`egk_…`): shown once. */
export const ZCreateApiTokenResponseSchema = ZApiTokenSchema.extend({ token: z.string() });
export type TCreateApiTokenRequest = z.input<typeof ZCreateApiTokenRequestSchema>;
export type TCreateApiTokenResponse = z.infer<typeof ZCreateApiTokenResponseSchema>;
