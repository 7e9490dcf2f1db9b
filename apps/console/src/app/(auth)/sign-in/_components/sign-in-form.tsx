"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

type TProps = { oidcName: string | null; initialError: string | null };

/** E-mail + password form, and the single sign-on button when OIDC is configured. */
export function SignInForm({ oidcName, initialError }: TProps) {
  const [error, setError] = useState<string | null>(initialError);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign("/");

      return;
    }
    setIsPending(false);
    // The server's message (wrong password, throttling) is shown as is.
    setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "invalid e-mail or password");
  }

  return (
    <div className="stack" style={{ gap: 16 }}>
      {error ? (
        <div className="notice notice-error" data-testid="sign-in-error">
          {error}
        </div>
      ) : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)}>
        <div className="field">
          <label htmlFor="email">E-mail</label>
          <input className="input" id="email" name="email" type="email" autoComplete="username" required data-testid="sign-in-email" />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input className="input" id="password" name="password" type="password" autoComplete="current-password" required data-testid="sign-in-password" />
        </div>
        <button className="btn btn-primary" type="submit" disabled={isPending} data-testid="sign-in-submit">
          {isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oidcName ? (
        <>
          <div className="divider">or</div>
          <button className="btn" type="button" onClick={() => void signIn("oidc", { callbackUrl: "/" })} data-testid="sign-in-oidc">
            Continue with {oidcName}
          </button>
        </>
      ) : null}
    </div>
  );
}
