import { permissionProcedure } from "../../trpc";
import { approvePublish } from "../../services/publish/approve-publish";
import { ZApprovePublishRequestSchema, ZApprovePublishResponseSchema } from "./approve-publish.types";

/** `policy.approve`: a second person approves a pending publish (never their own). */
export const approvePublishRoute = permissionProcedure("policy.approve")
  .input(ZApprovePublishRequestSchema)
  .output(ZApprovePublishResponseSchema)
  .mutation(async ({ ctx, input }) => approvePublish({ db: ctx.db, actor: ctx.actor, revisionId: input.revisionId }));
