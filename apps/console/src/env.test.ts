import { describe, expect, it } from "vitest";
import { getOidcConfig, parseConsoleEnv } from "./env";

const BASE = { NEXTAUTH_URL: "https://console.example.com", NEXTAUTH_SECRET: "s".repeat(32) };

describe("parseConsoleEnv", () => {
  it("defaults the session lifetime to 8 hours and disables OIDC", () => {
    const env = parseConsoleEnv(BASE);
    expect(env.EGRESS_SESSION_MAX_AGE).toBe(8 * 3600);
    expect(getOidcConfig(env)).toBeNull();
    expect(env.EGRESS_TRUST_PROXY).toBe(false);
  });

  it("enables OIDC only with issuer, client id and secret", () => {
    const env = parseConsoleEnv({ ...BASE, OIDC_ISSUER: "https://idp.example.com/", OIDC_CLIENT_ID: "console", OIDC_CLIENT_SECRET: "secret", OIDC_NAME: "Okta" });
    expect(getOidcConfig(env)).toEqual({ issuer: "https://idp.example.com/", clientId: "console", clientSecret: "secret", name: "Okta" });
  });

  it("refuses a half-configured OIDC provider instead of silently ignoring it", () => {
    expect(() => parseConsoleEnv({ ...BASE, OIDC_ISSUER: "https://idp.example.com" })).toThrow("set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none");
  });

  it("names every bad variable and never echoes secret values", () => {
    const secret = "short-secret";
    let message = "";
    try {
      parseConsoleEnv({ NEXTAUTH_URL: "not a url", NEXTAUTH_SECRET: secret, EGRESS_SESSION_MAX_AGE: "5" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^invalid console environment: /);
    expect(message).toContain("`NEXTAUTH_URL`");
    expect(message).toContain("`NEXTAUTH_SECRET` must be at least 32 characters");
    expect(message).toContain("`EGRESS_SESSION_MAX_AGE`");
    expect(message).not.toContain(secret);
  });

  it("requires the auth secret and URL", () => {
    expect(() => parseConsoleEnv({})).toThrow(/`NEXTAUTH_URL`.*`NEXTAUTH_SECRET`/);
  });
});
