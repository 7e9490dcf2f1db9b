import { z } from "zod";
import { ZMemberSchema } from "../../services/members/member-schemas";

export const ZFindMembersRequestSchema = z.object({}).strict().optional();
export const ZFindMembersResponseSchema = z.array(ZMemberSchema);
export type TFindMembersRequest = z.infer<typeof ZFindMembersRequestSchema>;
export type TFindMembersResponse = z.infer<typeof ZFindMembersResponseSchema>;
