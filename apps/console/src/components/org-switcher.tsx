"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { switchOrg } from "@/server/actions/switch-org";

type TProps = { orgs: { id: string; name: string; role: string }[]; activeOrgId: string };

/** Select for the active organization; the choice is kept in a cookie and checked server-side. */
export function OrgSwitcher({ orgs, activeOrgId }: TProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [isPending, startTransition] = useTransition();

  function onChange(orgId: string) {
    startTransition(async () => {
      const result = await switchOrg(orgId);
      if (!result.ok) return;
      queryClient.clear();
      router.refresh();
    });
  }

  return (
    <div className="org-switcher">
      <label htmlFor="org-switcher" className="visually-hidden">
        Organization
      </label>
      <select id="org-switcher" className="select" value={activeOrgId} disabled={isPending} onChange={(event) => onChange(event.target.value)} data-testid="org-switcher">
        {orgs.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name} ({org.role})
          </option>
        ))}
      </select>
    </div>
  );
}
