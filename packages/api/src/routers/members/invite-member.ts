import { permissionProcedure } from "../../trpc";
import { inviteMember } from "../../services/members/invite-member";
import { ZInviteMemberRequestSchema, ZInviteMemberResponseSchema } from "./invite-member.types";

/** `members.invite`: add an existing user, or create an account with an invite link or an initial password. */
export const inviteMemberRoute = permissionProcedure("members.manage")
  .input(ZInviteMemberRequestSchema)
  .output(ZInviteMemberResponseSchema)
  .mutation(async ({ ctx, input }) => inviteMember({ db: ctx.db, actor: ctx.actor, input }));
