import { z } from "zod";

export const TRIAGE_STATES = ["new", "acknowledged", "allowed", "dismissed"] as const;
export const ZTriageStateSchema = z.enum(TRIAGE_STATES);
export const ZGroupIdSchema = z.string().min(1).max(64);
export const ZStateCountsSchema = z.object({ new: z.number().int(), acknowledged: z.number().int(), allowed: z.number().int(), dismissed: z.number().int() });

/** One row of the review queue (excerpts are the redacted ones stored at ingest). */
export const ZEventGroupSchema = z.object({
  id: z.string(),
  groupKey: z.string(),
  kind: z.string(),
  eventCount: z.number().int(),
  blockCount: z.number().int(),
  deviceCount: z.number().int(),
  userCount: z.number().int(),
  firstSeen: z.date(),
  lastSeen: z.date(),
  lastAgent: z.string().nullable(),
  lastTool: z.string().nullable(),
  lastDestination: z.string().nullable(),
  lastRule: z.string().nullable(),
  lastReason: z.string().nullable(),
  lastExcerpt: z.string().nullable(),
  triageState: ZTriageStateSchema,
  triageNote: z.string().nullable(),
  triagedByLabel: z.string().nullable(),
  triagedAt: z.date().nullable(),
  countAtTriage: z.number().int().nullable(),
});
export type TEventGroup = z.infer<typeof ZEventGroupSchema>;
