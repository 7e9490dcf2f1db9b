import { z } from "zod";
import { ZEnvelopeSchema } from "./common";

// ── POST /api/v1/enroll ─────────────────────────────────────────────

/** Enrollment request: a one-time enrollment token and what the device says about itself. */
export const ZEnrollRequestSchema = z
  .object({
    token: z.string().min(8).max(256),
    name: z.string().min(1).max(128),
    hostname: z.string().max(255).optional(),
    platform: z.string().max(64).optional(),
    cliVersion: z.string().max(64).optional(),
    agents: z.array(z.string().max(64)).max(32).optional(),
  })
  .strict();
export type TEnrollRequest = z.infer<typeof ZEnrollRequestSchema>;

/** Enrollment response: the device credential (shown once), the org's current root to pin, server info. */
export const ZEnrollResponseSchema = z.object({
  deviceId: z.string(),
  credential: z.string(),
  org: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  scope: z.string(),
  root: ZEnvelopeSchema,
  rootVersion: z.number().int().positive(),
  rootFingerprint: z.string(),
  server: z.object({ apiVersion: z.literal(1), consoleUrl: z.string() }),
});
export type TEnrollResponse = z.infer<typeof ZEnrollResponseSchema>;

// ── GET /api/v1/snapshot ────────────────────────────────────────────

/**
 * The latest signed snapshot of the device's scope, plus every root document newer than the
 * version the device named in `x-egress-root-version` (ascending), so rotations need no re-enrollment.
 * `ETag` carries the snapshot digest; `If-None-Match` with it answers 304.
 */
export const ZSnapshotResponseSchema = z.object({
  snapshot: ZEnvelopeSchema,
  roots: z.array(ZEnvelopeSchema).max(64),
  version: z.number().int().positive(),
  issuedAt: z.string(),
  expiresAt: z.string(),
});
export type TSnapshotResponse = z.infer<typeof ZSnapshotResponseSchema>;

// ── POST /api/v1/events ─────────────────────────────────────────────

export const EVENT_TYPES = ["egress_block", "egress_warn", "egress_decision", "egress_gap"] as const;
export const EVENT_DECISIONS = ["allow", "deny", "would_deny", "warn"] as const;

/**
 * One decision event as spooled by the hook (already redacted on the device) and uploaded.
 * `egress_gap` marks events the spool had to drop (`dropped` counts them).
 */
export const ZDecisionEventSchema = z
  .object({
    id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a ULID"),
    ts: z.iso.datetime({ offset: true }),
    event: z.enum(EVENT_TYPES),
    decision: z.enum(EVENT_DECISIONS),
    agent: z.string().min(1).max(64),
    tool: z.string().max(256).optional(),
    kind: z.string().max(32).optional(),
    destination: z.string().max(1024).optional(),
    rule: z.string().max(128).optional(),
    reason: z.string().max(4096).optional(),
    policyVersion: z.number().int().nonnegative().optional(),
    excerpt: z.string().max(4096).optional(),
    user: z.string().max(128).optional(),
    dropped: z.number().int().nonnegative().optional(),
  })
  .strict();
export type TDecisionEvent = z.infer<typeof ZDecisionEventSchema>;

/** Most events one upload may carry. */
export const MAX_EVENTS_PER_BATCH = 500;

/** Upload body: items are validated one by one so one bad event never loses the others. */
export const ZEventBatchRequestSchema = z.object({ events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_BATCH) }).strict();

/** Per-event outcome: `stored` (new), `duplicate` (already had it: safe to drop), `rejected` (invalid: keep it aside, never retry). */
export const ZEventBatchResponseSchema = z.object({
  stored: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  results: z.array(
    z.object({ index: z.number().int(), id: z.string().optional(), status: z.enum(["stored", "duplicate", "rejected"]), message: z.string().optional() }),
  ),
});
export type TEventBatchResponse = z.infer<typeof ZEventBatchResponseSchema>;

// ── /api/v1/requests ────────────────────────────────────────────────

export const ACCESS_REQUEST_KINDS = ["host", "connector", "command"] as const;
export const ACCESS_REQUEST_STATUSES = ["pending", "approved", "denied", "expired"] as const;

/** POST /api/v1/requests: ask for access; `clientRequestId` makes retries idempotent. */
export const ZCreateAccessRequestSchema = z
  .object({
    kind: z.enum(ACCESS_REQUEST_KINDS),
    target: z.string().min(1).max(512),
    reason: z.string().min(1).max(2000),
    clientRequestId: z.string().min(8).max(64),
  })
  .strict();
export type TCreateAccessRequest = z.infer<typeof ZCreateAccessRequestSchema>;

/** What the developer sees of a request. */
export const ZAccessRequestViewSchema = z.object({
  id: z.string(),
  kind: z.enum(ACCESS_REQUEST_KINDS),
  target: z.string(),
  reason: z.string(),
  status: z.enum(ACCESS_REQUEST_STATUSES),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  allowUntil: z.string().nullable(),
});
export type TAccessRequestView = z.infer<typeof ZAccessRequestViewSchema>;

export const ZAccessRequestResponseSchema = z.object({ request: ZAccessRequestViewSchema });
export const ZAccessRequestListResponseSchema = z.object({ requests: z.array(ZAccessRequestViewSchema) });
