import { AppError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import { defaultPolicyDocument, parsePolicyDocument, type TPolicyDocument, type TPolicyIssue } from "@egress/policy";
import type { TActor } from "../../trpc";
import { assertScope } from "../policy/ensure-policy";

/** Which document of a scope: its working draft, what is published, or a numbered revision. */
export type TPolicyRef = { type: "draft" } | { type: "published" } | { type: "revision"; number: number };

/** A resolved document: the text as stored, and the parsed document unless it is invalid. */
export type TResolvedDocument = {
  label: string;
  raw: unknown;
  policy: TPolicyDocument | null;
  errors: TPolicyIssue[];
  revision: { id: string; number: number } | null;
  isEmpty: boolean;
};

/** Parses a stored or pasted document into a resolved one (invalid documents keep their errors). */
export function toResolved(label: string, raw: unknown, revision: TResolvedDocument["revision"] = null): TResolvedDocument {
  const parsed = parsePolicyDocument(raw);

  return parsed.ok ? { label, raw, policy: parsed.policy, errors: [], revision, isEmpty: false } : { label, raw, policy: null, errors: parsed.errors, revision, isEmpty: false };
}

/**
 * Loads a document of the actor's org (never another tenant's: every query is org-scoped, and an
 * unknown revision is NOT_FOUND). A scope never written resolves to an empty placeholder: the
 * draft to the starter document, "published" to null.
 */
export async function resolvePolicyDocument({ db, actor, scope, ref }: { db: PrismaClient; actor: TActor; scope: string; ref: TPolicyRef }): Promise<TResolvedDocument | null> {
  assertScope(scope);
  if (ref.type === "revision") {
    const row = await db.policyRevision.findFirst({ where: { orgId: actor.orgId, policy: { scope }, number: ref.number }, select: { id: true, number: true, document: true } });
    if (!row) throw new AppError("NOT_FOUND", `revision ${ref.number} of scope \`${scope}\` not found`);

    return toResolved(`revision ${row.number}`, row.document, { id: row.id, number: row.number });
  }
  if (ref.type === "published") {
    const row = await db.policyRevision.findFirst({
      where: { orgId: actor.orgId, policy: { scope }, status: "published" },
      orderBy: { number: "desc" },
      select: { id: true, number: true, document: true },
    });

    return row ? toResolved(`published (revision ${row.number})`, row.document, { id: row.id, number: row.number }) : null;
  }
  const policy = await db.policy.findUnique({ where: { orgId_scope: { orgId: actor.orgId, scope } }, select: { draftDocument: true, draftVersion: true } });
  if (policy?.draftDocument === null || policy?.draftDocument === undefined) {
    // No draft yet: the editor starts from what is published, else from the starter document.
    const published = await resolvePolicyDocument({ db, actor, scope, ref: { type: "published" } });

    return published ? { ...published, label: "draft (unchanged)", revision: null } : { ...toResolved("draft (starter)", defaultPolicyDocument()), isEmpty: true };
  }

  return toResolved(`draft (version ${policy.draftVersion})`, policy.draftDocument);
}

/** Like {@link resolvePolicyDocument} but a missing document is NOT_FOUND. */
export async function getPolicyDocument(opts: { db: PrismaClient; actor: TActor; scope: string; ref: TPolicyRef }): Promise<TResolvedDocument> {
  const doc = await resolvePolicyDocument(opts);
  if (!doc) throw new AppError("NOT_FOUND", `scope \`${opts.scope}\` has no published revision yet`);

  return doc;
}

/** The parsed document, or POLICY_INVALID with its problems. */
export function requireValid(doc: TResolvedDocument): TPolicyDocument {
  if (!doc.policy) throw new AppError("POLICY_INVALID", `${doc.label} is invalid: ${doc.errors.length} problem(s)`, doc.errors);

  return doc.policy;
}
