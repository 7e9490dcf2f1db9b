import { ZPublishRequestSchema, ZUpdateDraftRequestSchema, type TAdminPolicyResponse } from "@egress/contracts";
import { getPolicy } from "../../services/policy/get-policy";
import { updatePolicyDraft } from "../../services/policy/update-draft";
import { publishPolicy } from "../../services/publish/publish-policy";
import { BODY_LIMITS, getParam, jsonResponse, readJsonBody, withErrors } from "../http";
import { requireApiToken } from "./admin-auth";

/** `GET /api/v1/admin/policies/:scope` (policy.read) — 200 {@link ZAdminPolicyResponseSchema}. */
export const handleAdminGetPolicy = withErrors(async (req, ctx) => {
  const actor = await requireApiToken(req, ctx, "policy.read");
  const policy = await getPolicy({ db: ctx.db, actor, scope: getParam(ctx, "scope") });
  const body: TAdminPolicyResponse = {
    scope: policy.scope,
    draft: policy.draft,
    draftVersion: policy.draftVersion,
    published: policy.published && {
      revision: policy.published.revision,
      snapshotVersion: policy.published.snapshotVersion,
      document: policy.published.document,
      publishedAt: policy.published.publishedAt?.toISOString() ?? null,
    },
  };

  return jsonResponse(200, body);
});

/**
 * `PUT /api/v1/admin/policies/:scope/draft` (policy.write) — body `{ document, baseVersion? }`
 * (native or cross-provider-egress-guard); 200 `{ draftVersion, report }`; 422 POLICY_INVALID with
 * a path per problem; 409 CONFLICT on a stale `baseVersion`.
 */
export const handleAdminUpdateDraft = withErrors(async (req, ctx) => {
  const actor = await requireApiToken(req, ctx, "policy.write");
  const input = await readJsonBody(req, ZUpdateDraftRequestSchema, BODY_LIMITS.policy);
  const result = await updatePolicyDraft({ db: ctx.db, actor, scope: getParam(ctx, "scope"), document: input.document, baseVersion: input.baseVersion });

  return jsonResponse(200, result);
});

/**
 * `POST /api/v1/admin/policies/:scope/publish` (policy.publish) — body `{ note? }`; 201
 * {@link ZPublishResponseSchema} (`published`, or `pending_approval` when a second approver is
 * required); 422 POLICY_INVALID / POLICY_TESTS_FAILED; 404 when the scope has no draft.
 */
export const handleAdminPublish = withErrors(async (req, ctx) => {
  const actor = await requireApiToken(req, ctx, "policy.publish");
  const input = await readJsonBody(req, ZPublishRequestSchema, BODY_LIMITS.small, { allowEmpty: true });

  return jsonResponse(201, await publishPolicy({ db: ctx.db, actor, scope: getParam(ctx, "scope"), note: input.note }));
});
