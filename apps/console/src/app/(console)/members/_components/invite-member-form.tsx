"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { TRole } from "@egress/contracts/permissions";
import { Card } from "@/components/card";
import { ErrorNotice } from "@/components/error-notice";
import { OneTimeSecret } from "@/components/one-time-secret";
import { describeError, useTRPC } from "@/trpc/react";
import { findGrantableRoles, ROLE_DESCRIPTIONS } from "./role-options";
import { readText } from "@/lib/form";

type TResult = { kind: "link"; url: string; email: string } | { kind: "done"; message: string };

/** Invite a person by one-time link or with an initial password; existing users are just added. */
export function InviteMemberForm({ actorRole }: { actorRole: TRole }) {
  const trpc = useTRPC();
  const router = useRouter();
  const roles = findGrantableRoles(actorRole);
  const [method, setMethod] = useState<"link" | "password">("link");
  const [result, setResult] = useState<TResult | null>(null);
  const invite = useMutation(trpc.members.invite.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = readText(form, "email").trim();
    const name = readText(form, "name").trim();
    setResult(null);
    const response = await invite.mutateAsync({
      email,
      name: name || undefined,
      role: form.get("role") as TRole,
      method,
      password: method === "password" ? readText(form, "password") : undefined,
    });
    if (response.inviteToken) {
      setResult({ kind: "link", email, url: `${window.location.origin}/invite/${encodeURIComponent(response.inviteToken)}` });
    } else {
      setResult({ kind: "done", message: response.status === "added" ? `${email} already had an account and was added.` : `${email} can now sign in with the initial password.` });
    }
    formElement.reset();
    setMethod("link");
    router.refresh();
  }

  return (
    <Card title="Invite a member" description="New people get a one-time link (valid 7 days) or an initial password you choose." testId="invite-member">
      <form className="form" onSubmit={(event) => void onSubmit(event).catch(() => undefined)}>
        <div className="form-row">
          <div className="field field-grow">
            <label htmlFor="invite-email">E-mail</label>
            <input className="input" id="invite-email" name="email" type="email" required data-testid="invite-email" />
          </div>
          <div className="field">
            <label htmlFor="invite-name">Name (optional)</label>
            <input className="input" id="invite-name" name="name" maxLength={100} data-testid="invite-name" />
          </div>
          <div className="field">
            <label htmlFor="invite-role">Role</label>
            <select className="select" id="invite-role" name="role" defaultValue="developer" data-testid="invite-role">
              {roles.map((role) => (
                <option key={role} value={role} title={ROLE_DESCRIPTIONS[role]}>
                  {role}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="form-row" style={{ border: "none", padding: 0, margin: 0 }}>
          <legend className="label" style={{ marginBottom: 6 }}>
            How they get in
          </legend>
          <label className="checkbox">
            <input type="radio" name="method" value="link" checked={method === "link"} onChange={() => setMethod("link")} data-testid="invite-method-link" />
            One-time invite link
          </label>
          <label className="checkbox">
            <input type="radio" name="method" value="password" checked={method === "password"} onChange={() => setMethod("password")} data-testid="invite-method-password" />
            Initial password
          </label>
          {method === "password" ? (
            <div className="field field-grow">
              <label htmlFor="invite-password" className="visually-hidden">
                Initial password
              </label>
              <input className="input" id="invite-password" name="password" type="password" minLength={12} autoComplete="new-password" placeholder="at least 12 characters" required data-testid="invite-password" />
            </div>
          ) : null}
        </fieldset>
        <div className="row">
          <button className="btn btn-primary" type="submit" disabled={invite.isPending} data-testid="invite-submit">
            {invite.isPending ? "Inviting…" : "Invite"}
          </button>
        </div>
      </form>
      <ErrorNotice message={invite.error ? describeError(invite.error) : null} testId="invite-error" />
      {result?.kind === "link" ? (
        <OneTimeSecret title={`Invite link for ${result.email}`} value={result.url} testId="invite-link" hint="Send it to them privately. It works once, for 7 days, and is not shown again." />
      ) : null}
      {result?.kind === "done" ? (
        <div className="notice notice-success" data-testid="invite-done">
          {result.message}
        </div>
      ) : null}
    </Card>
  );
}
