import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/no-access";
import { PageHeader } from "@/components/page-header";
import { requireConsoleSession } from "@/server/console-session";
import { getServerCaller } from "@/server/trpc/caller";
import { PublishedSummary } from "./_components/published-summary";
import { RevisionsTable } from "./_components/revisions-table";
import { ScopesTable } from "./_components/scopes-table";

export const metadata: Metadata = { title: "Policies" };

const SCOPE = "default";

export default async function PoliciesPage() {
  const { permissions } = await requireConsoleSession();
  if (!permissions["policy.read"]) {
    return (
      <>
        <PageHeader title="Policies" />
        <NoAccess what="the policy" permission="policy.read" />
      </>
    );
  }
  const caller = await getServerCaller();
  const [policy, revisions, scopes] = await Promise.all([caller.policy.get({ scope: SCOPE }), caller.policy.revisions({ scope: SCOPE, limit: 20 }), caller.policyTools.scopes()]);

  return (
    <>
      <PageHeader
        title="Policies"
        description={`Where agents may send data. Scope \`${policy.scope}\`.`}
        actions={
          <Link className="btn btn-primary" href={`/policies/${encodeURIComponent(policy.scope)}`} data-testid="open-policy-workspace">
            {permissions["policy.write"] ? "Edit, test and publish" : "Open policy workspace"}
          </Link>
        }
      />
      <ScopesTable scopes={scopes} canWrite={permissions["policy.write"]} />
      <PublishedSummary policy={policy} revisions={revisions} />
      <RevisionsTable revisions={revisions} />
    </>
  );
}
