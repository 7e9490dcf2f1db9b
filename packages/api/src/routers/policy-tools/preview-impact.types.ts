import { z } from "zod";
import { ZOutcomeSchema, ZToolsScopeSchema, ZWorkingDocumentSchema } from "./common.types";

export const ZPreviewImpactRequestSchema = z.object({ scope: ZToolsScopeSchema, days: z.number().int().min(1).max(90).default(7), document: ZWorkingDocumentSchema.optional() }).strict();

const ZTallySchema = z.object({ newlyAllowed: z.number().int(), newlyBlocked: z.number().int() });

export const ZPreviewImpactResponseSchema = z.object({
  scope: z.string(),
  days: z.number().int(),
  since: z.date(),
  draftLabel: z.string(),
  baseline: z.string(),
  isCapped: z.boolean(),
  cap: z.number().int(),
  isDetailCapped: z.boolean(),
  totals: z.object({ events: z.number().int(), tuples: z.number().int(), unreplayable: z.number().int(), newlyAllowed: z.number().int(), newlyBlocked: z.number().int() }),
  changes: z.array(
    z.object({
      direction: z.enum(["newly_allowed", "newly_blocked"]),
      agent: z.string(),
      kind: z.string().nullable(),
      tool: z.string().nullable(),
      destination: z.string().nullable(),
      events: z.number().int(),
      before: ZOutcomeSchema,
      after: ZOutcomeSchema,
      devices: z.array(z.object({ id: z.string(), name: z.string(), events: z.number().int() })),
      users: z.array(z.object({ name: z.string(), events: z.number().int() })),
    }),
  ),
  byDestination: z.array(ZTallySchema.extend({ destination: z.string() })),
  byDevice: z.array(ZTallySchema.extend({ deviceId: z.string(), deviceName: z.string() })),
  byUser: z.array(ZTallySchema.extend({ userName: z.string() })),
});
export type TPreviewImpactRequest = z.input<typeof ZPreviewImpactRequestSchema>;
export type TPreviewImpactResponse = z.infer<typeof ZPreviewImpactResponseSchema>;
