import { z } from "zod";
import { ROLES } from "@egress/contracts";

/** A member of the organization as the console shows it. */
export const ZMemberSchema = z.object({
  membershipId: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  /** Invited with a link that has not been used yet (no password, no single sign-on link). */
  isPending: z.boolean(),
  isDisabled: z.boolean(),
  joinedAt: z.date(),
});
export type TMember = z.infer<typeof ZMemberSchema>;

/** Number of days an invite link stays valid. */
export const INVITE_TTL_DAYS = 7;
