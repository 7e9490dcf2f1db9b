import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireConsoleSession } from "@/server/console-session";
import { getServerCaller } from "@/server/trpc/caller";
import { InviteMemberForm } from "./_components/invite-member-form";
import { MembersTable } from "./_components/members-table";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { user, org, permissions } = await requireConsoleSession();
  const members = await (await getServerCaller()).members.list();

  return (
    <>
      <PageHeader title="Members" description={`People in ${org.name} and what their role lets them do.`} />
      {permissions["members.manage"] ? <InviteMemberForm actorRole={org.role} /> : null}
      <MembersTable members={members} actorRole={org.role} actorUserId={user.userId} canManage={permissions["members.manage"]} />
    </>
  );
}
