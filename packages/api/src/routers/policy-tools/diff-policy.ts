import { permissionProcedure } from "../../trpc";
import { diffPolicy } from "../../services/policy-tools/diff-policy";
import { ZDiffPolicyRequestSchema, ZDiffPolicyResponseSchema } from "./diff-policy.types";

/** `policyTools.diff`: draft vs published (default) or any two revisions, by meaning and as text. */
export const diffPolicyRoute = permissionProcedure("policy.read")
  .input(ZDiffPolicyRequestSchema)
  .output(ZDiffPolicyResponseSchema)
  .query(async ({ ctx, input }) => diffPolicy({ db: ctx.db, actor: ctx.actor, input }));
