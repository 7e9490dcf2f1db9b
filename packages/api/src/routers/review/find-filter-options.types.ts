import { z } from "zod";

export const ZFindFilterOptionsResponseSchema = z.object({
  agents: z.array(z.string()),
  rules: z.array(z.string()),
  users: z.array(z.string()),
  devices: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type TFindFilterOptionsResponse = z.infer<typeof ZFindFilterOptionsResponseSchema>;
