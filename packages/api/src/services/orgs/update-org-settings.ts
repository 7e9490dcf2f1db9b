import { AppError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { writeAuditEvent } from "../audit/write-audit-event";
import { parseInput } from "./parse-input";
import { toOrganization, ZOrgSettingsPatchSchema, type TOrganization, type TOrgSettingsPatch } from "./org-schemas";

/**
 * Changes the actor's organization settings (name, snapshot lifetime, publish approval, direct
 * publish on approve, stale-device threshold). Out-of-range values are BAD_REQUEST; the audit event
 * records only the fields that changed, before and after.
 */
export async function updateOrgSettings({ db, actor, input }: { db: PrismaClient; actor: TActor; input: TOrgSettingsPatch }): Promise<TOrganization> {
  const patch = parseInput(ZOrgSettingsPatchSchema, input);

  return db.$transaction(async (tx) => {
    const current = await tx.organization.findUnique({ where: { id: actor.orgId } });
    if (!current) throw new AppError("NOT_FOUND", "organization not found");
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch) as [keyof TOrgSettingsPatch, unknown][]) {
      if (value === undefined || current[key] === value) continue;
      before[key] = current[key];
      after[key] = value;
    }
    if (Object.keys(after).length === 0) return toOrganization(current);
    const updated = await tx.organization.update({ where: { id: actor.orgId }, data: after });
    await writeAuditEvent(tx, actor, { action: "org.settings_updated", targetType: "organization", targetId: actor.orgId, before, after });

    return toOrganization(updated);
  });
}
