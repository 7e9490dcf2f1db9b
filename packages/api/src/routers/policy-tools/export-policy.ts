import { permissionProcedure } from "../../trpc";
import { exportPolicy } from "../../services/policy-tools/export-policy";
import { ZExportPolicyRequestSchema, ZExportPolicyResponseSchema } from "./export-policy.types";

/** `policyTools.export`: the draft, the published document or a revision as a JSON file. */
export const exportPolicyRoute = permissionProcedure("policy.read")
  .input(ZExportPolicyRequestSchema)
  .output(ZExportPolicyResponseSchema)
  .query(async ({ ctx, input }) => exportPolicy({ db: ctx.db, actor: ctx.actor, input }));
