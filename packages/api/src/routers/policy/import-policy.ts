import { AppError } from "@egress/contracts";
import { permissionProcedure } from "../../trpc";
import { updatePolicyDraft } from "../../services/policy/update-draft";
import { ZImportPolicyRequestSchema, ZImportPolicyResponseSchema } from "./import-policy.types";

/** `policy.import`: a JSON file (cross-provider or native) becomes the draft; returns what the importer could not map. */
export const importPolicyRoute = permissionProcedure("policy.write")
  .input(ZImportPolicyRequestSchema)
  .output(ZImportPolicyResponseSchema)
  .mutation(async ({ ctx, input }) => {
    let document: unknown;
    try {
      document = JSON.parse(input.source);
    } catch {
      throw new AppError("POLICY_INVALID", "imported file is not valid json", [{ path: "(root)", message: "not valid json" }]);
    }

    return updatePolicyDraft({ db: ctx.db, actor: ctx.actor, scope: input.scope, document, baseVersion: input.baseVersion });
  });
