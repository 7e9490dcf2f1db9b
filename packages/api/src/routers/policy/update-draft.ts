import { permissionProcedure } from "../../trpc";
import { updatePolicyDraft } from "../../services/policy/update-draft";
import { ZUpdateDraftRequestSchema, ZUpdateDraftResponseSchema } from "./update-draft.types";

/** `policy.updateDraft`: saves a validated draft; a stale `baseVersion` is CONFLICT naming who changed it. */
export const updateDraftRoute = permissionProcedure("policy.write")
  .input(ZUpdateDraftRequestSchema)
  .output(ZUpdateDraftResponseSchema)
  .mutation(async ({ ctx, input }) => updatePolicyDraft({ db: ctx.db, actor: ctx.actor, scope: input.scope, document: input.document, baseVersion: input.baseVersion }));
