import { AppError, ROLES, type TRole } from "@egress/contracts";
import { createApiToken } from "../api-tokens/create-api-token";
import { normalizeEmail } from "../auth/password";
import { inviteMember } from "../members/invite-member";
import { createOrganization } from "../orgs/create-organization";
import { ADMIN_CLI_LABEL, getOrgBySlug, getSystemActor, requireOption, UsageError, type TAdminContext, type TAdminResult } from "./admin-context";
import { createUser } from "./user-commands";

function parseRole(value: unknown, fallback?: TRole): TRole {
  if (value === undefined && fallback) return fallback;
  if (typeof value === "string" && (ROLES as readonly string[]).includes(value)) return value as TRole;

  throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
}

/** `create-org --slug --name [--owner-email]`: an unknown owner e-mail creates that user (password printed once). */
export async function runCreateOrg(ctx: TAdminContext, values: Record<string, unknown>): Promise<TAdminResult> {
  const slug = requireOption(values, "slug");
  const name = requireOption(values, "name");
  const ownerEmail = typeof values["owner-email"] === "string" ? normalizeEmail(values["owner-email"]) : null;
  let owner: { id: string; email: string; password: string | null } | null = null;
  if (ownerEmail) {
    const existing = await ctx.db.user.findUnique({ where: { email: ownerEmail } });
    if (await ctx.db.organization.findUnique({ where: { slug } })) throw new AppError("CONFLICT", `organization slug \`${slug}\` is already taken: choose another one`);
    const created = existing ? null : await createUser({ db: ctx.db, email: ownerEmail });
    owner = existing ? { id: existing.id, email: existing.email, password: null } : created && { id: created.user.id, email: created.user.email, password: created.password };
  }
  const org = await createOrganization({
    db: ctx.db,
    actor: { userId: null, label: ADMIN_CLI_LABEL, type: "system" },
    input: { slug, name },
    ownerUserId: owner?.id ?? null,
  });
  const json = { id: org.id, slug: org.slug, name: org.name, owner: owner && { id: owner.id, email: owner.email, ...(owner.password ? { password: owner.password } : {}) } };

  return {
    json,
    text: [
      `created organization ${org.slug} (${org.id})`,
      ...(owner ? [`owner: ${owner.email}${owner.password ? ` (new user) password: ${owner.password}   (generated: store it now)` : ""}`] : ["no owner yet: add one with `add-member --role owner`"]),
    ],
  };
}

/** `add-member --org <slug> --email --role`: the user must exist (see `create-user`). */
export async function runAddMember(ctx: TAdminContext, values: Record<string, unknown>): Promise<TAdminResult> {
  const org = await getOrgBySlug({ db: ctx.db, slug: requireOption(values, "org") });
  const email = normalizeEmail(requireOption(values, "email"));
  const role = parseRole(requireOption(values, "role"));
  if (!(await ctx.db.user.findUnique({ where: { email } }))) throw new AppError("NOT_FOUND", `no user with e-mail \`${email}\`: create it first with \`create-user\``);
  const result = await inviteMember({ db: ctx.db, actor: getSystemActor(org.id), input: { email, role } });

  return { json: { org: org.slug, email, role, membershipId: result.membershipId }, text: [`added ${email} to ${org.slug} as ${role}`] };
}

/** `create-api-token --org <slug> --name [--role admin] [--expires-days N]`: prints the token once. */
export async function runCreateApiToken(ctx: TAdminContext, values: Record<string, unknown>): Promise<TAdminResult> {
  const org = await getOrgBySlug({ db: ctx.db, slug: requireOption(values, "org") });
  const name = requireOption(values, "name");
  const role = parseRole(values.role, "admin");
  const days = values["expires-days"];
  const expiresInDays = typeof days === "string" ? Number(days) : undefined;
  if (expiresInDays !== undefined && !Number.isInteger(expiresInDays)) throw new UsageError("--expires-days must be a whole number of days");
  const token = await createApiToken({ db: ctx.db, actor: getSystemActor(org.id), input: { name, role, expiresInDays } });
  const json = { id: token.id, org: org.slug, name: token.name, role: token.role, prefix: token.prefix, expiresAt: token.expiresAt, token: token.token };

  return { json, text: [`created API token ${token.name} (${token.prefix}…) for ${org.slug} as ${token.role}`, `token: ${token.token}`, "store it now: it is not shown again"] };
}

/** `list-orgs` */
export async function runListOrgs(ctx: TAdminContext): Promise<TAdminResult> {
  const orgs = await ctx.db.organization.findMany({ orderBy: { createdAt: "asc" }, include: { _count: { select: { memberships: true } } } });
  const rows = orgs.map((o) => ({ id: o.id, slug: o.slug, name: o.name, members: o._count.memberships, createdAt: o.createdAt }));

  return { json: rows, text: rows.length === 0 ? ["no organizations"] : rows.map((o) => `${o.slug}\t${o.name}\t${o.members} member(s)`) };
}
