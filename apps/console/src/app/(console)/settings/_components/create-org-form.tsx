"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent } from "react";
import { Card } from "@/components/card";
import { ErrorNotice } from "@/components/error-notice";
import { switchOrg } from "@/server/actions/switch-org";
import { describeError, useTRPC } from "@/trpc/react";
import { readText } from "@/lib/form";

/** Creates a new organization (you become its owner) and switches to it. */
export function CreateOrgForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.org.create.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const org = await create.mutateAsync({ name: readText(form, "name"), slug: readText(form, "slug") });
    await switchOrg(org.id);
    queryClient.clear();
    router.push("/");
    router.refresh();
  }

  return (
    <Card title="New organization" description="A separate tenant with its own policy, keys, devices and members. You become its owner." testId="create-org">
      <form className="form" onSubmit={(event) => void onSubmit(event).catch(() => undefined)}>
        <div className="form-row">
          <div className="field field-grow">
            <label htmlFor="new-org-name">Name</label>
            <input className="input" id="new-org-name" name="name" required maxLength={100} data-testid="create-org-name" />
          </div>
          <div className="field field-grow">
            <label htmlFor="new-org-slug">Slug</label>
            <input className="input" id="new-org-slug" name="slug" required pattern="[a-z0-9][a-z0-9-]*[a-z0-9]" minLength={2} maxLength={48} placeholder="e.g. platform-team" data-testid="create-org-slug" />
          </div>
          <button className="btn btn-primary" type="submit" disabled={create.isPending} data-testid="create-org-submit">
            {create.isPending ? "Creating…" : "Create organization"}
          </button>
        </div>
      </form>
      <ErrorNotice message={create.error ? describeError(create.error) : null} testId="create-org-error" />
    </Card>
  );
}
