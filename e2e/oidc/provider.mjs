#!/usr/bin/env node
// A real OpenID Connect identity provider for the browser tests, made with `oidc-provider`.
// One confidential client (the console), PKCE required, the dev login form (any login name, any
// password). The login name decides the account:
//   <name>            -> e-mail `<name>@sso.example.test`, verified
//   unverified-<name> -> e-mail `unverified-<name>@sso.example.test`, NOT verified
import Provider from "oidc-provider";

const port = Number(process.env.E2E_OIDC_PORT ?? 3101);
const issuer = `http://127.0.0.1:${port}`;
const consoleUrl = process.env.E2E_CONSOLE_URL ?? "http://127.0.0.1:3100";
const clientId = process.env.E2E_OIDC_CLIENT_ID ?? "egress-console";
const clientSecret = process.env.E2E_OIDC_CLIENT_SECRET ?? "e2e-oidc-client-secret-0123456789";
export const SSO_EMAIL_DOMAIN = "sso.example.test";

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`${consoleUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Put the requested claims into the ID token too (next-auth reads the ID token).
  conformIdTokenClaims: false,
  cookies: { keys: ["e2e-oidc-cookie-key-not-a-secret"] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, accountId) {
    const login = String(accountId).toLowerCase();

    return {
      accountId: login,
      async claims() {
        return { sub: login, email: `${login}@${SSO_EMAIL_DOMAIN}`, email_verified: !login.startsWith("unverified-"), name: `SSO ${login}` };
      },
    };
  },
  // First-party client: grant the requested scopes without a consent screen.
  async loadExistingGrant(ctx) {
    const existing = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    grant.addOIDCClaims(["email", "email_verified", "name"]);
    await grant.save();

    return grant;
  },
});
provider.proxy = false;

provider.listen(port, "127.0.0.1", () => {
  console.log(`e2e oidc provider: ${issuer} (client \`${clientId}\`)`);
});
