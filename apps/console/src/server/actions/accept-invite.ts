"use server";

import { acceptInvite } from "@egress/api";
import { AppError } from "@egress/contracts";
import { getDb } from "../db";

export type TAcceptInviteActionResult = { ok: true; email: string } | { ok: false; message: string };

/**
 * Redeems a one-time invite link with the password the invitee chose. Messages are the service's
 * own (safe, actionable); anything unexpected is reported without details.
 */
export async function acceptInviteAction(input: { token: string; password: string; name?: string }): Promise<TAcceptInviteActionResult> {
  const { token, password, name } = input;
  if (typeof token !== "string" || typeof password !== "string" || token.length > 200) return { ok: false, message: "invite link is not valid: ask for a new invite" };
  try {
    const result = await acceptInvite({ db: await getDb(), token, password, name: typeof name === "string" && name.trim() ? name.trim().slice(0, 100) : undefined });

    return { ok: true, email: result.email };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    console.error("invite: accept failed", error instanceof Error ? error.name : "unknown");

    return { ok: false, message: "the invite could not be accepted: try again" };
  }
}
