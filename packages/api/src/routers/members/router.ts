import { createTRPCRouter } from "../../trpc";
import { changeMemberRoleRoute } from "./change-member-role";
import { findMembersRoute } from "./find-members";
import { inviteMemberRoute } from "./invite-member";
import { removeMemberRoute } from "./remove-member";

/** Members of the active organization. */
export const membersRouter = createTRPCRouter({
  list: findMembersRoute,
  invite: inviteMemberRoute,
  changeRole: changeMemberRoleRoute,
  remove: removeMemberRoute,
});
