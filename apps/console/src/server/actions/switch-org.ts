"use server";

import { cookies } from "next/headers";
import { getEnv } from "@/env";
import { ACTIVE_ORG_COOKIE } from "@/lib/constants";
import { getCurrentUser } from "../auth/session";
import { findUserOrgs } from "../org";

/** Makes `orgId` the active organization if the signed-in user belongs to it. */
export async function switchOrg(orgId: string): Promise<{ ok: boolean }> {
  const user = await getCurrentUser();
  if (!user || typeof orgId !== "string") return { ok: false };
  const orgs = await findUserOrgs(user.userId);
  if (!orgs.some((org) => org.id === orgId)) return { ok: false };
  (await cookies()).set(ACTIVE_ORG_COOKIE, orgId, {
    path: "/",
    sameSite: "lax",
    secure: getEnv().NEXTAUTH_URL.startsWith("https://"),
    httpOnly: false,
    maxAge: 60 * 60 * 24 * 365,
  });

  return { ok: true };
}
