import { permissionProcedure } from "../../trpc";
import { tryPolicyCall } from "../../services/policy-tools/try-call";
import { ZTryCallRequestSchema, ZTryCallResponseSchema } from "./try-call.types";

/** `policyTools.tryCall`: a pasted raw hook input evaluated against the draft, with the reasons. */
export const tryCallRoute = permissionProcedure("policy.read")
  .input(ZTryCallRequestSchema)
  .output(ZTryCallResponseSchema)
  .mutation(async ({ ctx, input }) => tryPolicyCall({ db: ctx.db, actor: ctx.actor, input }));
