import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { findOrProvisionOidcUser, getSessionUser, verifyPasswordSignIn } from "@egress/api";
import { getEnv, getOidcConfig, type TConsoleEnv } from "@/env";
import { getDb } from "../db";
import { getClientIp } from "./client-ip";
import { isSessionExpired } from "./session-lifetime";
import { OIDC_PROVIDER_ID, OIDC_REFUSAL_CODES, type TOidcRefusalCode } from "@/lib/sign-in-errors";
import "./types";

const ZCredentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

/** A console user as next-auth carries it from `authorize` / `signIn` to the `jwt` callback. */
type TAuthUser = User & { sessionEpoch?: number };

const readHeader = (headers: unknown, name: string): string | null => {
  if (headers instanceof Headers) return headers.get(name);
  if (headers && typeof headers === "object") {
    const value = (headers as Record<string, unknown>)[name];

    return typeof value === "string" ? value : null;
  }

  return null;
};

/** Maps a refusal reason from the OIDC service to a fixed code the sign-in page explains. */
function toRefusalCode(reason: string): TOidcRefusalCode {
  if (reason.includes("invite")) return "OidcNotInvited";
  if (reason.includes("not verified")) return "OidcEmailUnverified";
  if (reason.includes("did not return an e-mail")) return "OidcNoEmail";
  if (reason.includes("disabled")) return "AccountDisabled";

  return "OidcRefused";
}

function createOidcProvider(env: TConsoleEnv) {
  const oidc = getOidcConfig(env);
  if (!oidc) return [];

  return [
    {
      id: OIDC_PROVIDER_ID,
      name: oidc.name,
      type: "oauth" as const,
      wellKnown: new URL(".well-known/openid-configuration", oidc.issuer.endsWith("/") ? oidc.issuer : `${oidc.issuer}/`).toString(),
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce" as const, "state" as const],
      profile(profile: { sub: string; email?: string; name?: string; preferred_username?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.preferred_username ?? null };
      },
    },
  ];
}

/**
 * The next-auth configuration: JWT sessions with an absolute lifetime, password sign-in with
 * throttling, and an optional OIDC provider. Every session read re-checks the user and their
 * session epoch, so "sign out everywhere" and disabled accounts take effect on the next request.
 */
export function createAuthOptions(env: TConsoleEnv = getEnv()): NextAuthOptions {
  const maxAge = env.EGRESS_SESSION_MAX_AGE;

  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/sign-in", error: "/sign-in", signOut: "/sign-in" },
    useSecureCookies: env.NEXTAUTH_URL.startsWith("https://"),
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          const parsed = ZCredentialsSchema.safeParse(raw);
          if (!parsed.success) throw new Error("enter your e-mail and password");
          const ip = getClientIp({ forwardedFor: readHeader(req.headers, "x-forwarded-for"), isProxyTrusted: env.EGRESS_TRUST_PROXY });
          const result = await verifyPasswordSignIn({ db: await getDb(), email: parsed.data.email, password: parsed.data.password, ip });
          // The message reaches the sign-in page verbatim (next-auth passes it as `error`).
          if (result.status !== "ok") throw new Error(result.message);
          const user: TAuthUser = { id: result.user.id, email: result.user.email, name: result.user.name, sessionEpoch: result.user.sessionEpoch };

          return user;
        },
      }),
      ...createOidcProvider(env),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const claims = (profile ?? {}) as { email?: string; email_verified?: boolean | string; name?: string };
        const result = await findOrProvisionOidcUser({
          db: await getDb(),
          email: claims.email,
          emailVerified: claims.email_verified === true || claims.email_verified === "true",
          name: claims.name ?? null,
          provider: OIDC_PROVIDER_ID,
          providerAccountId: account.providerAccountId,
        });
        if (result.status !== "ok") return `/sign-in?error=${toRefusalCode(result.reason)}`;
        // next-auth hands this same object to the jwt callback: switch the IdP subject for our user id.
        const authUser = user as TAuthUser;
        authUser.id = result.user.id;
        authUser.email = result.user.email;
        authUser.name = result.user.name;
        authUser.sessionEpoch = result.user.sessionEpoch;

        return true;
      },
      async jwt({ token, user }) {
        const now = Math.floor(Date.now() / 1000);
        if (user) {
          const authUser = user as TAuthUser;

          return { sub: authUser.id, uid: authUser.id, epoch: authUser.sessionEpoch ?? 0, authTime: now, email: authUser.email, name: authUser.name };
        }
        // INVARIANT: a session ends at authTime + maxAge however often it is used, and as soon as
        // the user is disabled or their epoch moves on. Throwing here makes next-auth drop it.
        if (!token.uid || isSessionExpired({ authTime: token.authTime, now, maxAgeSeconds: maxAge })) throw new Error("session expired");
        const sessionUser = await getSessionUser({ db: await getDb(), userId: token.uid, sessionEpoch: token.epoch ?? 0 });
        if (!sessionUser) throw new Error("session ended");

        return { ...token, email: sessionUser.email, name: sessionUser.name };
      },
      session({ session, token }) {
        return { ...session, user: { id: token.uid ?? "", email: token.email ?? "", name: token.name ?? null } };
      },
      redirect({ url, baseUrl }) {
        // Only ever redirect inside the console.
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        if (URL.canParse(url) && new URL(url).origin === baseUrl) return url;

        return baseUrl;
      },
    },
    logger: {
      // next-auth's own logs can include request details; keep only codes.
      error: (code) => console.error(code === "JWT_SESSION_ERROR" ? "auth: a session ended (expired, signed out everywhere, or user disabled)" : `auth: ${code}`),
      warn: (code) => console.warn(`auth: ${code}`),
      debug: () => undefined,
    },
  };
}

let cached: NextAuthOptions | undefined;

/** The process-wide auth options (built on first use, after the environment is validated). */
export function getAuthOptions(): NextAuthOptions {
  cached ??= createAuthOptions();

  return cached;
}

export { type TOidcRefusalCode, OIDC_REFUSAL_CODES };
