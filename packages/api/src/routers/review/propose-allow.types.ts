import { z } from "zod";
import { ZGroupIdSchema } from "./common.types";

export const ZProposeAllowRequestSchema = z
  .object({
    groupId: ZGroupIdSchema,
    scope: z.string().min(1).max(64).default("default"),
    /** Prefilled from the group (its host or connector); a reviewer may widen a host, e.g. `*.example.com`. */
    target: z.string().max(512).optional(),
    /** Temporary allow: it leaves the snapshots after this time. */
    allowUntil: z.date().optional(),
    justification: z.string().min(1).max(2000),
  })
  .strict();
export type TProposeAllowRequest = z.input<typeof ZProposeAllowRequestSchema>;

export const ZProposeAllowResponseSchema = z.object({
  kind: z.enum(["host", "connector"]),
  target: z.string(),
  scope: z.string(),
  /** `draft`: added to the scope's draft, publish it from Policies; `grant`: a temporary allow. */
  mode: z.enum(["draft", "grant"]),
  draftVersion: z.number().int().nullable(),
  requestId: z.string().nullable(),
  snapshotVersion: z.number().int().nullable(),
});
export type TProposeAllowResponse = z.infer<typeof ZProposeAllowResponseSchema>;
