import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { getPolicyDocument, type TPolicyRef } from "./resolve-document";

/**
 * The document of a scope (draft, published or a revision) as pretty JSON, ready to download,
 * with a file name that says what it is. The document is returned as stored (defaults implicit).
 */
export async function exportPolicy({ db, actor, input }: { db: PrismaClient; actor: TActor; input: { scope: string; ref: TPolicyRef } }) {
  const doc = await getPolicyDocument({ db, actor, scope: input.scope, ref: input.ref });
  const suffix = doc.revision ? `revision-${doc.revision.number}` : input.ref.type;

  return {
    label: doc.label,
    fileName: `egress-policy-${input.scope}-${suffix}.json`,
    json: `${JSON.stringify(doc.raw, null, 2)}\n`,
    isValid: doc.policy !== null,
  };
}
