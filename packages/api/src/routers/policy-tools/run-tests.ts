import { permissionProcedure } from "../../trpc";
import { runDraftPolicyTests } from "../../services/policy-tools/run-policy-tests";
import { ZRunTestsRequestSchema, ZRunTestsResponseSchema } from "./run-tests.types";

/** `policyTools.runTests`: the draft's (or working copy's) policy tests, with failing calls shown. */
export const runTestsRoute = permissionProcedure("policy.read")
  .input(ZRunTestsRequestSchema)
  .output(ZRunTestsResponseSchema)
  .mutation(async ({ ctx, input }) => runDraftPolicyTests({ db: ctx.db, actor: ctx.actor, input }));
