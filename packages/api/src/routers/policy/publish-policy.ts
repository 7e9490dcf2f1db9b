import { permissionProcedure } from "../../trpc";
import { publishPolicy } from "../../services/publish/publish-policy";
import { ZPublishPolicyRequestSchema, ZPublishPolicyResponseSchema } from "./publish-policy.types";

/** `policy.publish`: validate, run the policy tests, create a revision and its signed snapshot (or wait for approval). */
export const publishPolicyRoute = permissionProcedure("policy.publish")
  .input(ZPublishPolicyRequestSchema)
  .output(ZPublishPolicyResponseSchema)
  .mutation(async ({ ctx, input }) => publishPolicy({ db: ctx.db, actor: ctx.actor, scope: input.scope, note: input.note }));
