import { AppError } from "@egress/contracts";
import { Prisma, type PrismaClient } from "@egress/db";
import { writeAuditEvent } from "../audit/write-audit-event";
import { generatePassword, hashPassword, normalizeEmail } from "../auth/password";
import { createOrganizationInTx } from "../orgs/create-organization";

export const DEMO_ORG = { slug: "demo", name: "Demo Org" } as const;
export const DEFAULT_ADMIN_EMAIL = "admin@egress.local";

export type TBootstrapResult = { status: "skipped" } | { status: "created"; orgId: string; userId: string; email: string; isPasswordGenerated: boolean };

type TBootstrapOptions = { db: PrismaClient; env?: NodeJS.ProcessEnv; log?: (message: string) => void; kek?: Buffer };

/** The console's public URL as the operator should open it. */
export function getConsoleUrl(env: NodeJS.ProcessEnv): string {
  return env.EGRESS_PUBLIC_URL ?? env.NEXTAUTH_URL ?? env.AUTH_URL ?? `http://localhost:${env.PORT ?? "3000"}`;
}

/**
 * First start on an EMPTY database (no users): creates the demo organization (`demo`) and its owner
 * (`EGRESS_ADMIN_EMAIL`, password `EGRESS_ADMIN_PASSWORD` or a generated one), with the org's keys
 * and default policy, and prints the sign-in details to the operator's terminal through `log`.
 * Idempotent: any existing user means it does nothing; concurrent starts create it once.
 */
export async function bootstrapFirstRun({ db, env = process.env, log = console.log, kek }: TBootstrapOptions): Promise<TBootstrapResult> {
  if ((await db.user.count()) > 0) return { status: "skipped" };
  const email = normalizeEmail(env.EGRESS_ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL);
  const isPasswordGenerated = !env.EGRESS_ADMIN_PASSWORD;
  const password = env.EGRESS_ADMIN_PASSWORD || generatePassword();
  const passwordHash = await hashPassword(password).catch((error: unknown) => {
    if (error instanceof AppError) throw new AppError("BAD_REQUEST", `EGRESS_ADMIN_PASSWORD rejected: ${error.message}`);
    throw error;
  });

  let created: { orgId: string; userId: string };
  try {
    created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name: "Administrator", passwordHash, emailVerified: new Date() } });
      const actor = { userId: null, label: "first-run", type: "system" as const };
      await writeAuditEvent(tx, { ...actor, orgId: null }, { action: "user.created", targetType: "user", targetId: user.id, after: { email } });
      const org = await createOrganizationInTx({ tx, actor, input: DEMO_ORG, ownerUserId: user.id, kek, withStarterDraft: true });

      return { orgId: org.id, userId: user.id };
    });
  } catch (error) {
    // Another console instance bootstrapped at the same moment.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { status: "skipped" };
    throw error;
  }
  log(
    [
      "",
      "──────────────── Egress Control: first run ────────────────",
      `  console:  ${getConsoleUrl(env)}`,
      `  e-mail:   ${email}`,
      `  password: ${isPasswordGenerated ? `${password}   (generated: store it now, it is not shown again)` : "(from EGRESS_ADMIN_PASSWORD)"}`,
      `  org:      ${DEMO_ORG.name} (${DEMO_ORG.slug})`,
      "───────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );

  return { status: "created", ...created, email, isPasswordGenerated };
}
