import { defineConfig } from "@playwright/test";
import { OWNER } from "./fixtures/console";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3101);
const baseURL = `http://127.0.0.1:${PORT}`;
const oidcIssuer = `http://127.0.0.1:${OIDC_PORT}`;

const E2E_OIDC = { name: "Test IdP", clientId: "egress-console", clientSecret: "e2e-oidc-client-secret-0123456789" } as const;

export default defineConfig({
  testDir: "./specs",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // One console process serves every test; tests create their own unique data.
  workers: 1,
  fullyParallel: false,
  reporter: [["list"]],
  outputDir: "./test-results",
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's chromium; browsers are never downloaded (no `playwright install`).
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update"],
    },
  },
  webServer: [
    {
      command: "node oidc/provider.mjs",
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { E2E_OIDC_PORT: String(OIDC_PORT), E2E_CONSOLE_URL: baseURL, E2E_OIDC_CLIENT_ID: E2E_OIDC.clientId, E2E_OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret },
    },
    {
      // Expects a prior `npx turbo run build --filter=@egress/console`.
      command: "node scripts/start-console.mjs",
      url: `${baseURL}/sign-in`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        E2E_PORT: String(PORT),
        NEXTAUTH_URL: baseURL,
        NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789-abcdefghijkl",
        EGRESS_KEK: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        EGRESS_ADMIN_EMAIL: OWNER.email,
        EGRESS_ADMIN_PASSWORD: OWNER.password,
        OIDC_ISSUER: oidcIssuer,
        OIDC_CLIENT_ID: E2E_OIDC.clientId,
        OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
        OIDC_NAME: E2E_OIDC.name,
        ...(process.env.E2E_DATABASE_URL ? { E2E_DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      },
    },
  ],
});
