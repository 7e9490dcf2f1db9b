import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getOidcConfig } from "@/env";
import { describeSignInError } from "@/lib/sign-in-errors";
import { getCurrentUser } from "@/server/auth/session";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type TProps = { searchParams: Promise<{ error?: string; callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: TProps) {
  if (await getCurrentUser()) redirect("/");
  const { error } = await searchParams;
  const oidc = getOidcConfig();

  return (
    <>
      <div className="stack">
        <h1>Sign in</h1>
        <p className="muted">Use your work e-mail and password{oidc ? ", or your company's single sign-on" : ""}.</p>
      </div>
      <SignInForm oidcName={oidc?.name ?? null} initialError={describeSignInError(error)} />
    </>
  );
}
