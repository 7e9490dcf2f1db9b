"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Card } from "@/components/card";
import { ErrorNotice } from "@/components/error-notice";
import { describeError, useTRPC } from "@/trpc/react";
import { readText } from "@/lib/form";

type TOrganization = { name: string; slug: string; snapshotTtlSeconds: number; requirePublishApproval: boolean; directPublishOnApprove: boolean; staleDeviceHours: number };
type TLimits = { snapshotTtlSeconds: { min: number; max: number }; staleDeviceHours: { min: number; max: number } };

/** Organization name, snapshot lifetime, approval rules and the stale-device threshold. */
export function OrgSettingsForm({ organization, limits, canEdit }: { organization: TOrganization; limits: TLimits; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isSaved, setIsSaved] = useState(false);
  const update = useMutation(trpc.settings.update.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsSaved(false);
    await update.mutateAsync({
      name: readText(form, "name"),
      snapshotTtlSeconds: Math.round(Number(form.get("snapshotTtlHours")) * 3600),
      staleDeviceHours: Number(form.get("staleDeviceHours")),
      requirePublishApproval: form.get("requirePublishApproval") === "on",
      directPublishOnApprove: form.get("directPublishOnApprove") === "on",
    });
    setIsSaved(true);
    router.refresh();
  }

  return (
    <Card title="Organization" description={`Slug \`${organization.slug}\` (used in device configuration; cannot change).`} testId="org-settings">
      <form className="form" onSubmit={(event) => void onSubmit(event).catch(() => undefined)}>
        <fieldset disabled={!canEdit || update.isPending} className="form" style={{ border: "none", padding: 0, margin: 0 }}>
          <div className="form-row">
            <div className="field field-grow">
              <label htmlFor="org-name">Name</label>
              <input className="input" id="org-name" name="name" defaultValue={organization.name} required maxLength={100} data-testid="org-name" />
            </div>
            <div className="field">
              <label htmlFor="org-ttl">Snapshot lifetime (hours)</label>
              <input
                className="input"
                id="org-ttl"
                name="snapshotTtlHours"
                type="number"
                step="any"
                min={limits.snapshotTtlSeconds.min / 3600}
                max={limits.snapshotTtlSeconds.max / 3600}
                defaultValue={organization.snapshotTtlSeconds / 3600}
                required
              />
              <span className="hint">Devices deny egress once their snapshot is this old without a refresh.</span>
            </div>
            <div className="field">
              <label htmlFor="org-stale">Device is stale after (hours)</label>
              <input className="input" id="org-stale" name="staleDeviceHours" type="number" min={limits.staleDeviceHours.min} max={limits.staleDeviceHours.max} defaultValue={organization.staleDeviceHours} required />
            </div>
          </div>
          <label className="checkbox">
            <input type="checkbox" name="requirePublishApproval" defaultChecked={organization.requirePublishApproval} />
            Publishing needs a second admin&apos;s approval
          </label>
          <label className="checkbox">
            <input type="checkbox" name="directPublishOnApprove" defaultChecked={organization.directPublishOnApprove} />
            Approving an access request publishes it directly
          </label>
          {canEdit ? (
            <div className="row">
              <button className="btn btn-primary" type="submit" data-testid="org-settings-save">
                {update.isPending ? "Saving…" : "Save settings"}
              </button>
              {isSaved ? <span className="muted" data-testid="org-settings-saved">Saved.</span> : null}
            </div>
          ) : (
            <p className="muted">Only admins and owners can change these settings.</p>
          )}
        </fieldset>
      </form>
      <ErrorNotice message={update.error ? describeError(update.error) : null} testId="org-settings-error" />
    </Card>
  );
}
