import { AppError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import { writeAuditEvent } from "../audit/write-audit-event";
import { generatePassword, hashPassword, normalizeEmail } from "../auth/password";
import { ADMIN_CLI_LABEL, requireOption, type TAdminContext, type TAdminResult } from "./admin-context";

/** Creates a user; the password is generated (and printed once) unless given. */
export async function createUser({ db, email, name, password }: { db: PrismaClient; email: string; name?: string | undefined; password?: string | undefined }) {
  const normalized = normalizeEmail(email);
  if (!/^[^\s@]+@[^\s@]+$/.test(normalized)) throw new AppError("BAD_REQUEST", `invalid e-mail \`${email}\``);
  if (await db.user.findUnique({ where: { email: normalized } })) throw new AppError("CONFLICT", `a user with e-mail \`${normalized}\` already exists`);
  const isPasswordGenerated = !password;
  const secret = password ?? generatePassword();
  const passwordHash = await hashPassword(secret);
  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({ data: { email: normalized, name: name ?? null, passwordHash } });
    await writeAuditEvent(tx, { userId: null, orgId: null, label: ADMIN_CLI_LABEL, type: "system" }, {
      action: "user.created",
      targetType: "user",
      targetId: created.id,
      after: { email: normalized, name: name ?? null },
    });

    return created;
  });

  return { user, password: isPasswordGenerated ? secret : null };
}

/** `create-user --email --name [--password]` */
export async function runCreateUser(ctx: TAdminContext, values: Record<string, unknown>): Promise<TAdminResult> {
  const email = requireOption(values, "email");
  const { user, password } = await createUser({ db: ctx.db, email, name: values.name as string | undefined, password: values.password as string | undefined });
  const json = { id: user.id, email: user.email, name: user.name, ...(password ? { password } : {}) };

  return {
    json,
    text: [`created user ${user.email} (${user.id})`, ...(password ? [`password: ${password}   (generated: store it now, it is not shown again)`] : [])],
  };
}

/** `list-users` */
export async function runListUsers(ctx: TAdminContext): Promise<TAdminResult> {
  const users = await ctx.db.user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, disabledAt: true, createdAt: true, memberships: { select: { role: true, org: { select: { slug: true } } } } },
  });
  const rows = users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    disabled: !!u.disabledAt,
    memberships: u.memberships.map((m) => ({ org: m.org.slug, role: m.role })),
  }));

  return {
    json: rows,
    text: rows.length === 0 ? ["no users"] : rows.map((u) => `${u.email}\t${u.name ?? ""}\t${u.memberships.map((m) => `${m.org}:${m.role}`).join(",") || "-"}${u.disabled ? "\tdisabled" : ""}`),
  };
}
