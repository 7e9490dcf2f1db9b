import { expect, test } from "@playwright/test";
import { OWNER, signIn, trpcMutation, uniqueSuffix } from "../fixtures/console";

test.describe("[SECURITY]", () => {
  test("[SECURITY]: pages and API responses carry the security headers", async ({ request }) => {
    for (const path of ["/sign-in", "/api/trpc/me.get", "/api/auth/providers"]) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], path).toContain("camera=()");
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["x-powered-by"], path).toBeUndefined();
    }
    const page = await request.get("/sign-in");
    const csp = page.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    // A new nonce on every response.
    const again = (await request.get("/sign-in")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);
  });

  test("[SECURITY]: the console works under its CSP (no violations while signing in)", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await signIn(page, OWNER);
    await page.goto("/members");
    await expect(page.getByTestId("member-row").first()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("[SECURITY]: a cross-origin tRPC mutation is refused even with a valid session", async ({ page }) => {
    await signIn(page, OWNER);
    const slug = `csrf-${uniqueSuffix()}`;
    const refused = await trpcMutation(page.request, "org.create", { slug, name: "CSRF" }, { origin: "https://evil.example.net", "sec-fetch-site": "cross-site" });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain("cross-site request refused");
    const refusedByOrigin = await trpcMutation(page.request, "org.create", { slug, name: "CSRF" }, { origin: "https://evil.example.net" });
    expect(refusedByOrigin.status).toBe(403);
    // Nothing was created.
    await page.goto("/");
    await expect(page.getByTestId("org-switcher").locator("option", { hasText: "CSRF" })).toHaveCount(0);
  });

  test("[SECURITY]: unknown pages and failed calls reveal no internals", async ({ page, request }) => {
    const response = await page.goto("/definitely-not-a-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    const bad = await request.post("/api/trpc/members.invite", { data: "{not json", headers: { "content-type": "application/json" } });
    const text = await bad.text();
    expect(bad.status()).toBeGreaterThanOrEqual(400);
    expect(text).not.toMatch(/at .+\.(js|ts):\d+/);
    expect(text).not.toContain("node_modules");
  });
});
