import { createTRPCRouter } from "../../trpc";
import { approvePublishRoute } from "./approve-publish";
import { findRevisionsRoute } from "./find-revisions";
import { getPolicyRoute } from "./get-policy";
import { importPolicyRoute } from "./import-policy";
import { publishPolicyRoute } from "./publish-policy";
import { rollbackPolicyRoute } from "./rollback-policy";
import { updateDraftRoute } from "./update-draft";

/** Policy drafts, publishing (signed snapshots), approvals, revisions, rollback and import. */
export const policyRouter = createTRPCRouter({
  get: getPolicyRoute,
  updateDraft: updateDraftRoute,
  publish: publishPolicyRoute,
  approve: approvePublishRoute,
  revisions: findRevisionsRoute,
  rollback: rollbackPolicyRoute,
  import: importPolicyRoute,
});
