import { z } from "zod";
import { ROLES } from "@egress/contracts";

export const ZInviteMemberRequestSchema = z
  .object({
    email: z.email("must be an e-mail address"),
    name: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLES),
    method: z.enum(["link", "password"]).default("link"),
    password: z.string().max(256).optional(),
  })
  .strict();
export const ZInviteMemberResponseSchema = z.object({
  status: z.enum(["added", "invited", "created"]),
  membershipId: z.string(),
  userId: z.string(),
  /** The one-time invite token (`egi_…`): shown once, never retrievable again. */
  inviteToken: z.string().nullable(),
  inviteExpiresAt: z.date().nullable(),
});
export type TInviteMemberRequest = z.input<typeof ZInviteMemberRequestSchema>;
export type TInviteMemberResponse = z.infer<typeof ZInviteMemberResponseSchema>;
