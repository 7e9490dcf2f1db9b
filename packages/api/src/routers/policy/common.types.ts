import { z } from "zod";

/** A policy scope name. */
export const ZScopeSchema = z.string().min(1).max(64).default("default");

/** What publish, approve and rollback answer. */
export const ZPublishResultSchema = z.object({
  status: z.enum(["published", "pending_approval"]),
  revision: z.object({ id: z.string(), number: z.number().int() }),
  snapshot: z.object({ version: z.number().int(), issuedAt: z.string(), expiresAt: z.string(), digest: z.string() }).nullable(),
});
