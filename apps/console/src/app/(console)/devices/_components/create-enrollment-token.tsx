"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Card } from "@/components/card";
import { ErrorNotice } from "@/components/error-notice";
import { OneTimeSecret } from "@/components/one-time-secret";
import { readText } from "@/lib/form";
import { describeError, useTRPC } from "@/trpc/react";

/** Creates an enrollment token and shows the ready-to-paste `egress-sync enroll …` command once. */
export function CreateEnrollmentToken() {
  const trpc = useTRPC();
  const router = useRouter();
  const [command, setCommand] = useState<string | null>(null);
  const create = useMutation(trpc.enrollment.create.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const ownerEmail = readText(form, "ownerEmail").trim();
    const name = readText(form, "name").trim();
    setCommand(null);
    const created = await create.mutateAsync({
      name: name || undefined,
      scope: readText(form, "scope").trim() || "default",
      expiresInHours: Number(readText(form, "expiresInHours")),
      maxUses: Number(readText(form, "maxUses")),
      ownerEmail: ownerEmail || undefined,
      consoleUrl: window.location.origin,
    });
    setCommand(created.command);
    formElement.reset();
    router.refresh();
  }

  return (
    <Card title="Enroll a machine" description="A token enrolls up to N machines until it expires. The developer runs the command once; the device then pulls signed snapshots." testId="create-enrollment-token">
      <form className="form" onSubmit={(event) => void onSubmit(event).catch(() => undefined)}>
        <div className="form-row">
          <div className="field field-grow">
            <label htmlFor="enroll-name">Label (optional)</label>
            <input className="input" id="enroll-name" name="name" maxLength={128} placeholder="e.g. alice-laptop" data-testid="enroll-name" />
          </div>
          <div className="field">
            <label htmlFor="enroll-scope">Policy scope</label>
            <input className="input" id="enroll-scope" name="scope" defaultValue="default" maxLength={64} data-testid="enroll-scope" />
          </div>
          <div className="field">
            <label htmlFor="enroll-expiry">Expires after (hours)</label>
            <input className="input" id="enroll-expiry" name="expiresInHours" type="number" min={1} max={2160} defaultValue={24} required data-testid="enroll-expiry" />
          </div>
          <div className="field">
            <label htmlFor="enroll-uses">Number of uses</label>
            <input className="input" id="enroll-uses" name="maxUses" type="number" min={1} max={10000} defaultValue={1} required data-testid="enroll-uses" />
          </div>
          <div className="field field-grow">
            <label htmlFor="enroll-owner">Developer e-mail (optional)</label>
            <input className="input" id="enroll-owner" name="ownerEmail" type="email" data-testid="enroll-owner" />
          </div>
        </div>
        <div className="row">
          <button className="btn btn-primary" type="submit" disabled={create.isPending} data-testid="enroll-create">
            {create.isPending ? "Creating…" : "Create enrollment token"}
          </button>
        </div>
      </form>
      <ErrorNotice message={create.error ? describeError(create.error) : null} testId="enroll-error" />
      {command ? <OneTimeSecret title="Run this on the developer's machine" value={command} testId="enroll-command" hint="The token inside is shown only now. Send the command privately; it stops working when it expires or is used up." /> : null}
    </Card>
  );
}
