import { z } from "zod";

// Admin REST API (`/api/v1/admin/*`, `Authorization: Bearer <org API token>`): the same services
// as the console, for automation (GitOps) and tests.

/** POST /api/v1/admin/enrollment-tokens */
export const ZCreateEnrollmentTokenRequestSchema = z
  .object({
    name: z.string().max(128).optional(),
    scope: z.string().min(1).max(64).default("default"),
    expiresInHours: z.number().int().min(1).max(24 * 90).default(24),
    maxUses: z.number().int().min(1).max(10_000).default(1),
    ownerEmail: z.email().optional(),
  })
  .strict();
export type TCreateEnrollmentTokenRequest = z.input<typeof ZCreateEnrollmentTokenRequestSchema>;

export const ZCreateEnrollmentTokenResponseSchema = z.object({
  id: z.string(),
  token: z.string(),
  expiresAt: z.string(),
  maxUses: z.number().int(),
  scope: z.string(),
  /** Ready-to-paste command for the developer machine. */
  command: z.string(),
});
export type TCreateEnrollmentTokenResponse = z.infer<typeof ZCreateEnrollmentTokenResponseSchema>;

/** GET /api/v1/admin/policies/:scope */
export const ZAdminPolicyResponseSchema = z.object({
  scope: z.string(),
  draft: z.unknown().nullable(),
  draftVersion: z.number().int(),
  published: z
    .object({ revision: z.number().int(), snapshotVersion: z.number().int().nullable(), document: z.unknown(), publishedAt: z.string().nullable() })
    .nullable(),
});
export type TAdminPolicyResponse = z.infer<typeof ZAdminPolicyResponseSchema>;

/** PUT /api/v1/admin/policies/:scope/draft — a native document or a cross-provider-egress-guard file. */
export const ZUpdateDraftRequestSchema = z
  .object({ document: z.unknown(), baseVersion: z.number().int().nonnegative().optional() })
  .strict();
export type TUpdateDraftRequest = z.infer<typeof ZUpdateDraftRequestSchema>;

export const ZUpdateDraftResponseSchema = z.object({
  draftVersion: z.number().int(),
  /** What an import could not map (empty for native documents). */
  report: z.array(z.object({ path: z.string(), message: z.string() })),
});

/** POST /api/v1/admin/policies/:scope/publish */
export const ZPublishRequestSchema = z.object({ note: z.string().max(2000).optional() }).strict();
export const ZPublishResponseSchema = z.object({
  status: z.enum(["published", "pending_approval"]),
  revision: z.object({ id: z.string(), number: z.number().int() }),
  snapshot: z.object({ version: z.number().int(), issuedAt: z.string(), expiresAt: z.string(), digest: z.string() }).nullable(),
});
export type TPublishResponse = z.infer<typeof ZPublishResponseSchema>;
