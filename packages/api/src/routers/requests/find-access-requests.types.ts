import { z } from "zod";
import { ACCESS_REQUEST_STATUSES } from "@egress/contracts";

export const ZFindAccessRequestsRequestSchema = z
  .object({ status: z.enum(ACCESS_REQUEST_STATUSES).optional(), cursor: z.string().max(64).optional(), limit: z.number().int().min(1).max(200).default(50) })
  .strict()
  .default({ limit: 50 });
export type TFindAccessRequestsRequest = z.input<typeof ZFindAccessRequestsRequestSchema>;
