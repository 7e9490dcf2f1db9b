import { AppError, type TRole } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";

/** What every operator command gets: the database, the environment and two output streams. */
export type TAdminContext = { db: PrismaClient; env: NodeJS.ProcessEnv; out: (text: string) => void };

/** A command's result: JSON for `--json`, text lines otherwise. */
export type TAdminResult = { json: unknown; text: string[] };

/** Raised for bad command-line usage (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Audit label of the operator command. */
export const ADMIN_CLI_LABEL = "admin-cli";

/** The actor the operator command acts as inside an organization: the system, with owner rights. */
export function getSystemActor(orgId: string, role: TRole = "owner"): TActor {
  return { userId: null, orgId, role, label: ADMIN_CLI_LABEL, type: "system" };
}

/** The organization with `slug`, or NOT_FOUND naming it. */
export async function getOrgBySlug({ db, slug }: { db: PrismaClient; slug: string }) {
  const org = await db.organization.findUnique({ where: { slug } });
  if (!org) throw new AppError("NOT_FOUND", `organization \`${slug}\` not found: see \`list-orgs\``);

  return org;
}

/** The value of a required option, or a usage error naming it. */
export function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`missing required option --${name}`);

  return value;
}
