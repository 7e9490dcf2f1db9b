import { z } from "zod";

export const ZGetSchemaRequestSchema = z.void();
export const ZGetSchemaResponseSchema = z.object({ schema: z.record(z.string(), z.unknown()) });
export type TGetSchemaResponse = z.infer<typeof ZGetSchemaResponseSchema>;
