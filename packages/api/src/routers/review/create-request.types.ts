import { z } from "zod";
import { ACCESS_REQUEST_KINDS, ACCESS_REQUEST_STATUSES } from "@egress/contracts";

export const ZCreateRequestRequestSchema = z
  .object({ kind: z.enum(ACCESS_REQUEST_KINDS), target: z.string().trim().min(1).max(512), reason: z.string().trim().min(1).max(2000) })
  .strict();
export type TCreateRequestRequest = z.infer<typeof ZCreateRequestRequestSchema>;

export const ZCreateRequestResponseSchema = z.object({ id: z.string(), kind: z.enum(ACCESS_REQUEST_KINDS), target: z.string(), status: z.enum(ACCESS_REQUEST_STATUSES), createdAt: z.date() });
