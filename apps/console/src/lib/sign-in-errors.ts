/** The id of the generic OIDC provider; its callback URL is `/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = "oidc";

/** Refusals of a single sign-on login, shown on the sign-in page by code (never raw query text). */
export const OIDC_REFUSAL_CODES = ["OidcNotInvited", "OidcEmailUnverified", "OidcNoEmail", "AccountDisabled", "OidcRefused"] as const;
export type TOidcRefusalCode = (typeof OIDC_REFUSAL_CODES)[number];

const MESSAGES: Record<string, string> = {
  OidcNotInvited: "no console account for this e-mail address: ask an admin to invite you first",
  OidcEmailUnverified: "your identity provider has not verified your e-mail address: verify it there, then try again",
  OidcNoEmail: "your identity provider did not share an e-mail address: ask an admin to check the single sign-on setup",
  AccountDisabled: "this account is disabled: ask an administrator of your organization",
  OidcRefused: "single sign-on was refused: ask an admin to invite you",
  OAuthSignin: "could not reach the identity provider: try again, or ask an admin to check the single sign-on setup",
  OAuthCallback: "the identity provider's answer could not be verified: try again",
  OAuthAccountNotLinked: "this e-mail is linked to another sign-in method",
  Callback: "sign-in could not be completed: try again",
  AccessDenied: "access denied",
  SessionRequired: "sign in to continue",
  Configuration: "sign-in is misconfigured on the server: ask an admin",
};

/** The sign-in page's message for an `error` query parameter; unknown values get a generic text. */
export function describeSignInError(code: string | null | undefined): string | null {
  if (!code) return null;

  return MESSAGES[code] ?? "sign-in failed: try again";
}
