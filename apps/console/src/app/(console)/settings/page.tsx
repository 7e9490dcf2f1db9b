import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireConsoleSession } from "@/server/console-session";
import { getServerCaller } from "@/server/trpc/caller";
import { ApiTokens } from "./_components/api-tokens";
import { CreateOrgForm } from "./_components/create-org-form";
import { OrgSettingsForm } from "./_components/org-settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { permissions } = await requireConsoleSession();
  const caller = await getServerCaller();
  const [settings, apiTokens] = await Promise.all([caller.settings.get(), permissions["apiTokens.manage"] ? caller.apiTokens.list() : Promise.resolve(null)]);

  return (
    <>
      <PageHeader title="Settings" description="Organization settings, signing keys and API tokens." />
      <OrgSettingsForm organization={settings.organization} limits={settings.limits} canEdit={permissions["org.manage"]} />
      {apiTokens ? <ApiTokens tokens={apiTokens} /> : null}
      <CreateOrgForm />
    </>
  );
}
