import { z } from "zod";
import { ROLES } from "@egress/contracts";

/** An API token as listed: never the secret, only its display prefix. */
export const ZApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(ROLES),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type TApiToken = z.infer<typeof ZApiTokenSchema>;

/** Picks the listable fields of an ApiToken row (drops the hash). */
export function toApiToken(row: TApiToken & { tokenHash?: string }): TApiToken {
  const { id, name, prefix, role, createdAt, lastUsedAt, expiresAt, revokedAt } = row;

  return { id, name, prefix, role, createdAt, lastUsedAt, expiresAt, revokedAt };
}
