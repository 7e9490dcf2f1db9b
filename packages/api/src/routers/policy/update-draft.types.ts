import { z } from "zod";
import { ZScopeSchema } from "./common.types";

export const ZUpdateDraftRequestSchema = z.object({ scope: ZScopeSchema, document: z.unknown(), baseVersion: z.number().int().nonnegative() }).strict();
export const ZUpdateDraftResponseSchema = z.object({ draftVersion: z.number().int(), report: z.array(z.object({ path: z.string(), message: z.string() })) });
export type TUpdateDraftRequest = z.input<typeof ZUpdateDraftRequestSchema>;
export type TUpdateDraftResponse = z.infer<typeof ZUpdateDraftResponseSchema>;
