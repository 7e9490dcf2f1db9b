"use server";

import { signOutEverywhere } from "@egress/api";
import { getCurrentUser } from "../auth/session";
import { getDb } from "../db";

/** Ends every session of the signed-in user, on every device (bumps their session epoch). */
export async function signOutEverywhereAction(): Promise<{ ok: boolean }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false };
  await signOutEverywhere({ db: await getDb(), userId: user.userId });

  return { ok: true };
}
