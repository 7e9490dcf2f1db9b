import type { Prisma } from "@egress/db";
import { createOrgKeys } from "../keys/create-org-keys";
import { getKek } from "../keys/kek";

/**
 * Gives a new organization its root key and snapshot-signing key, inside the creating transaction
 * (issue: "each org gets a root key and a snapshot-signing key on creation"). `kek` defaults to
 * `getKek()` (EGRESS_KEK, or the embedded database's generated key).
 */
export async function createOrgSigningKeys({ tx, orgId, orgSlug, kek }: { tx: Prisma.TransactionClient; orgId: string; orgSlug: string; kek?: Buffer | undefined }): Promise<void> {
  await createOrgKeys({ tx, orgId, orgSlug, kek: kek ?? getKek() });
}
