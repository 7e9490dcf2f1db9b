import { permissionProcedure } from "../../trpc";
import { findPolicyRevisions } from "../../services/policy/find-revisions";
import { ZFindRevisionsRequestSchema, ZFindRevisionsResponseSchema } from "./find-revisions.types";

/** `policy.revisions`: revisions of a scope, newest first, with authors, approvers and snapshot versions. */
export const findRevisionsRoute = permissionProcedure("policy.read")
  .input(ZFindRevisionsRequestSchema)
  .output(ZFindRevisionsResponseSchema)
  .query(async ({ ctx, input }) => findPolicyRevisions({ db: ctx.db, actor: ctx.actor, scope: input.scope, limit: input.limit }));
