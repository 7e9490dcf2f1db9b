import { permissionProcedure } from "../../trpc";
import { findMembers } from "../../services/members/find-members";
import { ZFindMembersRequestSchema, ZFindMembersResponseSchema } from "./find-members.types";

/** `members.list`: the active organization's members. */
export const findMembersRoute = permissionProcedure("members.read")
  .input(ZFindMembersRequestSchema)
  .output(ZFindMembersResponseSchema)
  .query(async ({ ctx }) => findMembers({ db: ctx.db, actor: ctx.actor }));
