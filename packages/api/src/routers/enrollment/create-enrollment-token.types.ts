import { z } from "zod";
import { ZCreateEnrollmentTokenRequestSchema as ZRestRequestSchema, ZCreateEnrollmentTokenResponseSchema } from "@egress/contracts";

/** The REST request plus the console's own origin (used for the command only when no public URL is configured). */
export const ZCreateEnrollmentTokenRequestSchema = ZRestRequestSchema.extend({ consoleUrl: z.url().max(512).optional() });
export { ZCreateEnrollmentTokenResponseSchema };
export type TCreateEnrollmentTokenRequest = z.input<typeof ZCreateEnrollmentTokenRequestSchema>;
