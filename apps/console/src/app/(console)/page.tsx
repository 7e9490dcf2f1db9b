import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { requireConsoleSession } from "@/server/console-session";
import { getServerCaller } from "@/server/trpc/caller";
import { DashboardCharts } from "./_dashboard/dashboard-charts";

export const metadata: Metadata = { title: "Overview" };

function Stat({ label, value, hint, href, testId }: { label: string; value: string | number; hint?: string; href?: string; testId: string }) {
  return (
    <div className="card stat">
      <div className="stat-label">{label}</div>
      <div className="stat-value" data-testid={testId}>
        {value}
      </div>
      {hint ? <div className="stat-hint">{hint}</div> : null}
      {href ? (
        <Link href={href} className="stat-hint">
          View →
        </Link>
      ) : null}
    </div>
  );
}

export default async function OverviewPage() {
  const { org, user, permissions } = await requireConsoleSession();
  const caller = await getServerCaller();
  const [members, devices, pending, policy] = await Promise.all([
    caller.members.list(),
    permissions["devices.read"] ? caller.devices.list({ status: "all" }) : Promise.resolve(null),
    permissions["requests.read"] ? caller.requests.list({ status: "pending", limit: 200 }) : Promise.resolve(null),
    permissions["policy.read"] ? caller.policy.get({ scope: "default" }) : Promise.resolve(null),
  ]);
  const activeDevices = devices?.filter((d) => !d.revokedAt) ?? [];

  return (
    <>
      <PageHeader title={org.name} description={`Signed in as ${user.email} (${org.role}).`} />
      <div className="stats">
        <Stat label="Members" value={members.length} hint={`${members.filter((m) => m.isPending).length} invited, not yet joined`} href="/members" testId="overview-members" />
        {devices ? (
          <Stat label="Devices" value={activeDevices.length} hint={`${activeDevices.filter((d) => d.isStale).length} stale, ${activeDevices.filter((d) => d.isBehind).length} behind`} href="/devices" testId="overview-devices" />
        ) : null}
        {/* With events.read the dashboard below shows pending requests (with the oldest one's age). */}
        {pending && !permissions["events.read"] ? <Stat label="Pending requests" value={pending.nextCursor ? `${pending.requests.length}+` : pending.requests.length} href="/requests?status=pending" testId="overview-pending-requests" /> : null}
        {policy ? (
          <Stat
            label="Published policy"
            value={policy.published ? `v${policy.published.snapshotVersion ?? policy.published.revision}` : "none"}
            hint={policy.published ? `revision ${policy.published.revision}` : "devices deny egress until a policy is published"}
            href="/policies"
            testId="overview-policy-version"
          />
        ) : null}
      </div>
      {permissions["events.read"] ? <DashboardCharts /> : null}
      <Card title="Getting started" description="The loop: edit the policy, publish a signed snapshot, enroll machines, review what gets blocked.">
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          <li>
            Invite your security team on <Link href="/members">Members</Link>.
          </li>
          <li>
            Review the default policy on <Link href="/policies">Policies</Link> and publish it.
          </li>
          <li>
            Create an enrollment token on <Link href="/devices">Devices</Link> and run the <code>egress-sync enroll</code> command on a developer machine.
          </li>
        </ol>
      </Card>
    </>
  );
}
