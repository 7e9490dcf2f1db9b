import { z } from "zod";

export const ZApprovePublishRequestSchema = z.object({ revisionId: z.string().min(1).max(64) }).strict();
export type TApprovePublishRequest = z.infer<typeof ZApprovePublishRequestSchema>;
export { ZPublishResultSchema as ZApprovePublishResponseSchema } from "./common.types";
