import { permissionProcedure } from "../../trpc";
import { changeMemberRole } from "../../services/members/change-member-role";
import { ZChangeMemberRoleRequestSchema, ZChangeMemberRoleResponseSchema } from "./change-member-role.types";

/** `members.changeRole`: only owners touch owners; the last owner cannot be demoted. */
export const changeMemberRoleRoute = permissionProcedure("members.manage")
  .input(ZChangeMemberRoleRequestSchema)
  .output(ZChangeMemberRoleResponseSchema)
  .mutation(async ({ ctx, input }) => changeMemberRole({ db: ctx.db, actor: ctx.actor, input }));
