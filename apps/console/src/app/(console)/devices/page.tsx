import type { Metadata } from "next";
import { NoAccess } from "@/components/no-access";
import { PageHeader } from "@/components/page-header";
import { requireConsoleSession } from "@/server/console-session";
import { getServerCaller } from "@/server/trpc/caller";
import { CreateEnrollmentToken } from "./_components/create-enrollment-token";
import { DevicesTable } from "./_components/devices-table";
import { EnrollmentTokens } from "./_components/enrollment-tokens";

export const metadata: Metadata = { title: "Devices" };

export default async function DevicesPage() {
  const { permissions } = await requireConsoleSession();
  if (!permissions["devices.read"]) {
    return (
      <>
        <PageHeader title="Devices" />
        <NoAccess what="the fleet" permission="devices.read" />
      </>
    );
  }
  const caller = await getServerCaller();
  const [tokens, devices] = await Promise.all([caller.enrollment.list(), caller.devices.list({ status: "all" })]);
  const canManage = permissions["devices.manage"];

  return (
    <>
      <PageHeader title="Devices" description="Developer machines enrolled with egress-sync, and the tokens that enroll them." />
      {canManage ? <CreateEnrollmentToken /> : null}
      <EnrollmentTokens tokens={tokens} canManage={canManage} />
      <DevicesTable devices={devices} canManage={canManage} />
    </>
  );
}
