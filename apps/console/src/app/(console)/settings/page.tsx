import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireConsoleSession } from "@/server/console-session";
import { getServerCaller } from "@/server/trpc/caller";
import { ApiTokens } from "./_components/api-tokens";
import { CreateOrgForm } from "./_components/create-org-form";
import { OrgSettingsForm } from "./_components/org-settings-form";
import { SigningKeys } from "./_components/signing-keys";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { permissions } = await requireConsoleSession();
  const caller = await getServerCaller();
  const [settings, apiTokens, keys] = await Promise.all([
    caller.settings.get(),
    permissions["apiTokens.manage"] ? caller.apiTokens.list() : Promise.resolve(null),
    permissions["keys.read"] ? caller.keys.get() : Promise.resolve(null),
  ]);

  return (
    <>
      <PageHeader title="Settings" description="Organization settings, signing keys and API tokens." />
      <OrgSettingsForm organization={settings.organization} limits={settings.limits} canEdit={permissions["org.manage"]} />
      {keys ? <SigningKeys keys={keys} canManage={permissions["keys.manage"]} /> : null}
      {apiTokens ? <ApiTokens tokens={apiTokens} /> : null}
      <CreateOrgForm />
    </>
  );
}
