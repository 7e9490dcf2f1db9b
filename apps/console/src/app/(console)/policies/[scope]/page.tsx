import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/no-access";
import { PageHeader } from "@/components/page-header";
import { requireConsoleSession } from "@/server/console-session";
import { PolicyWorkspace } from "../_lifecycle/policy-workspace";
import { parseTab } from "../_lifecycle/tabs";

export const metadata: Metadata = { title: "Policy" };

const SCOPE_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** One policy scope's lifecycle: editor, diff, impact preview, tests, try a call, history, import/export. */
export default async function PolicyScopePage({ params, searchParams }: { params: Promise<{ scope: string }>; searchParams: Promise<{ tab?: string }> }) {
  const [{ scope }, { tab }] = await Promise.all([params, searchParams]);
  const { permissions } = await requireConsoleSession();
  const title = `Policy · ${scope}`;
  if (!permissions["policy.read"]) {
    return (
      <>
        <PageHeader title={title} />
        <NoAccess what="the policy" permission="policy.read" />
      </>
    );
  }
  if (!SCOPE_RE.test(scope)) return <PageHeader title="Policy" description="That scope name is not valid: lowercase letters, digits, - and _." />;
  const initialTab = parseTab(tab);

  return (
    <>
      <PageHeader title={title} description="Edit the draft, see what it changes for real recorded calls, test it, then publish a signed snapshot." actions={<Link href="/policies" className="btn btn-sm">All policies</Link>} />
      <PolicyWorkspace
        key={scope}
        scope={scope}
        initialTab={initialTab}
        permissions={{ canWrite: permissions["policy.write"], canPublish: permissions["policy.publish"], canApprove: permissions["policy.approve"], canReadEvents: permissions["events.read"] }}
      />
    </>
  );
}
