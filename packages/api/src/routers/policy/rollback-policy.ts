import { permissionProcedure } from "../../trpc";
import { rollbackPolicy } from "../../services/publish/rollback-policy";
import { ZRollbackPolicyRequestSchema, ZRollbackPolicyResponseSchema } from "./rollback-policy.types";

/** `policy.rollback`: republish an old revision's content as a new revision and a higher snapshot version. */
export const rollbackPolicyRoute = permissionProcedure("policy.publish")
  .input(ZRollbackPolicyRequestSchema)
  .output(ZRollbackPolicyResponseSchema)
  .mutation(async ({ ctx, input }) => rollbackPolicy({ db: ctx.db, actor: ctx.actor, scope: input.scope, revisionNumber: input.revisionNumber, note: input.note }));
