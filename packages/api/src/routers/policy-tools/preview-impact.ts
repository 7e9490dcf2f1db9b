import { permissionProcedure } from "../../trpc";
import { previewImpact } from "../../services/policy-tools/impact-preview";
import { ZPreviewImpactRequestSchema, ZPreviewImpactResponseSchema } from "./preview-impact.types";

/**
 * `policyTools.impact`: replays the last N days of the scope's events against the draft (or the
 * editor's working copy). Needs `events.read` as well as reading policies: it shows devices and
 * users, which developers do not see.
 */
export const previewImpactRoute = permissionProcedure("events.read")
  .input(ZPreviewImpactRequestSchema)
  .output(ZPreviewImpactResponseSchema)
  .mutation(async ({ ctx, input }) => previewImpact({ db: ctx.db, actor: ctx.actor, input }));
