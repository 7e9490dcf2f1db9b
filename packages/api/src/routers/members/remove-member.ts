import { permissionProcedure } from "../../trpc";
import { removeMember } from "../../services/members/remove-member";
import { ZRemoveMemberRequestSchema, ZRemoveMemberResponseSchema } from "./remove-member.types";

/** `members.remove`: only owners remove owners; the last owner cannot be removed. */
export const removeMemberRoute = permissionProcedure("members.manage")
  .input(ZRemoveMemberRequestSchema)
  .output(ZRemoveMemberResponseSchema)
  .mutation(async ({ ctx, input }) => removeMember({ db: ctx.db, actor: ctx.actor, input }));
