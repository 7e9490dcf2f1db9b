"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { ErrorNotice } from "@/components/error-notice";
import { acceptInviteAction } from "@/server/actions/accept-invite";
import { readText } from "@/lib/form";

const MIN_PASSWORD = 12;

/** Sets the invitee's password, then signs them in with it. */
export function AcceptInviteForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = readText(form, "password");
    if (password !== readText(form, "confirm")) {
      setError("the passwords do not match: type the same password twice");

      return;
    }
    setIsPending(true);
    setError(null);
    const result = await acceptInviteAction({ token, password, name: readText(form, "name") });
    if (!result.ok) {
      setIsPending(false);
      setError(result.message);

      return;
    }
    const signedIn = await signIn("credentials", { email: result.email, password, redirect: false });
    window.location.assign(signedIn?.ok && !signedIn.error ? "/" : "/sign-in");
  }

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)}>
      <ErrorNotice message={error} testId="invite-accept-error" />
      <div className="field">
        <label htmlFor="invite-name">Your name (optional)</label>
        <input className="input" id="invite-name" name="name" maxLength={100} autoComplete="name" data-testid="invite-accept-name" />
      </div>
      <div className="field">
        <label htmlFor="invite-password">Password</label>
        <input className="input" id="invite-password" name="password" type="password" minLength={MIN_PASSWORD} maxLength={256} autoComplete="new-password" required data-testid="invite-accept-password" />
        <span className="hint">At least {MIN_PASSWORD} characters.</span>
      </div>
      <div className="field">
        <label htmlFor="invite-confirm">Confirm password</label>
        <input className="input" id="invite-confirm" name="confirm" type="password" minLength={MIN_PASSWORD} maxLength={256} autoComplete="new-password" required data-testid="invite-accept-confirm" />
      </div>
      <button className="btn btn-primary" type="submit" disabled={isPending} data-testid="invite-accept-submit">
        {isPending ? "Joining…" : "Set password and sign in"}
      </button>
    </form>
  );
}
