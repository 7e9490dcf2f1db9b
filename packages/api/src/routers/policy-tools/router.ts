import { createTRPCRouter } from "../../trpc";
import { diffPolicyRoute } from "./diff-policy";
import { exportPolicyRoute } from "./export-policy";
import { findScopesRoute } from "./find-scopes";
import { getSchemaRoute } from "./get-schema";
import { previewImpactRoute } from "./preview-impact";
import { runTestsRoute } from "./run-tests";
import { tryCallRoute } from "./try-call";

/**
 * Read-only tools of the policy lifecycle: semantic diff, impact preview, policy tests, "try a
 * call", export, the editor's JSON Schema and the scope list. Nothing here changes data; drafts,
 * publishing and rollback are the `policy` router.
 */
export const policyToolsRouter = createTRPCRouter({
  scopes: findScopesRoute,
  diff: diffPolicyRoute,
  impact: previewImpactRoute,
  tryCall: tryCallRoute,
  runTests: runTestsRoute,
  export: exportPolicyRoute,
  schema: getSchemaRoute,
});
