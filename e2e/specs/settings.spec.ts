import { expect, test } from "@playwright/test";
import { addMemberWithPassword, newSignedInPage, OWNER, signIn, uniqueSuffix } from "../fixtures/console";

test.describe("[SETTINGS]", () => {
  test("[SETTINGS]: an owner creates an API token that is shown once, then revokes it", async ({ page }) => {
    await signIn(page, OWNER);
    await page.goto("/settings");
    const name = `ci-${uniqueSuffix()}`;
    await page.getByTestId("api-token-name").fill(name);
    await page.getByTestId("api-token-role").selectOption("viewer");
    await page.getByTestId("api-token-create").click();
    const secret = (await page.getByTestId("api-token-secret").textContent()) ?? "";
    expect(secret).toMatch(/^egk_[A-Za-z0-9_-]{40,}$/);
    const row = page.locator(`[data-testid="api-token-row"][data-name="${name}"]`);
    await expect(row).toContainText("viewer");

    // Shown once: after a reload the secret is nowhere on the page, only its prefix.
    await page.reload();
    await expect(row).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    await expect(row.locator("code")).toHaveText(`${secret.slice(0, 10)}…`);

    await row.getByTestId("api-token-revoke").click();
    await row.getByTestId("api-token-revoke-confirm").click();
    await expect(row.getByTestId("api-token-revoked")).toBeVisible();
  });

  test("[SETTINGS]: an owner rotates the signing and root keys; a viewer only sees fingerprints", async ({ page, browser }) => {
    await signIn(page, OWNER);
    await page.goto("/settings");
    const rootBefore = await page.getByTestId("root-fingerprint").textContent();
    const signingBefore = await page.getByTestId("active-snapshot-key").textContent();
    expect(rootBefore).toMatch(/^SHA256:([0-9a-f]{4} ){15}[0-9a-f]{4}$/);

    await page.getByTestId("rotate-signing-key").click();
    await page.getByTestId("rotate-signing-key-confirm").click();
    await expect(page.getByTestId("keys-message")).toContainText("New signing key");
    await expect(page.getByTestId("active-snapshot-key")).not.toHaveText(signingBefore ?? "");
    await expect(page.getByTestId("root-fingerprint")).toHaveText(rootBefore ?? "");

    await page.getByTestId("rotate-root-key").click();
    await page.getByTestId("rotate-root-key-confirm").click();
    await expect(page.getByTestId("keys-message")).toContainText("Root key rotated");
    await expect(page.getByTestId("root-fingerprint")).not.toHaveText(rootBefore ?? "");

    const viewer = await addMemberWithPassword(page, { role: "viewer" });
    const { context, page: viewerPage } = await newSignedInPage(browser, viewer);
    await viewerPage.goto("/settings");
    await expect(viewerPage.getByTestId("root-fingerprint")).toBeVisible();
    await expect(viewerPage.getByTestId("rotate-signing-key")).toHaveCount(0);
    await expect(viewerPage.getByTestId("rotate-root-key")).toHaveCount(0);
    await context.close();
  });

  test("[SETTINGS]: an admin may change settings but cannot see API tokens (owners only)", async ({ page, browser }) => {
    await signIn(page, OWNER);
    const admin = await addMemberWithPassword(page, { role: "admin" });
    const { context, page: adminPage } = await newSignedInPage(browser, admin);
    await adminPage.goto("/settings");
    await expect(adminPage.getByTestId("org-settings-save")).toBeVisible();
    await expect(adminPage.getByTestId("api-tokens")).toHaveCount(0);
    await context.close();
  });
});

test.describe("[DEVICES]", () => {
  test("[DEVICES]: an admin creates an enrollment token, gets the enroll command once, and revokes the token", async ({ page }) => {
    await signIn(page, OWNER);
    await page.goto("/devices");
    const label = `laptop-${uniqueSuffix()}`;
    await page.getByTestId("enroll-name").fill(label);
    await page.getByTestId("enroll-expiry").fill("48");
    await page.getByTestId("enroll-uses").fill("3");
    await page.getByTestId("enroll-create").click();
    const command = (await page.getByTestId("enroll-command").textContent()) ?? "";
    expect(command).toMatch(/^egress-sync enroll --server http:\/\/127\.0\.0\.1:\d+ --token ege_[A-Za-z0-9_-]+$/);

    const row = page.getByTestId("enrollment-token-row").filter({ hasText: label });
    await expect(row).toContainText("0 / 3");
    await expect(row.getByTestId("enrollment-token-state")).toHaveText("active");
    await page.reload();
    expect(await page.content()).not.toContain(command.split("--token ")[1] ?? "missing");

    await row.getByTestId("enrollment-token-revoke").click();
    await row.getByTestId("enrollment-token-revoke-confirm").click();
    await expect(row.getByTestId("enrollment-token-state")).toHaveText("revoked");
  });

  test("[DEVICES]: a developer cannot see the fleet", async ({ page, browser }) => {
    await signIn(page, OWNER);
    const developer = await addMemberWithPassword(page, { role: "developer" });
    const { context, page: developerPage } = await newSignedInPage(browser, developer);
    await developerPage.goto("/devices");
    await expect(developerPage.getByTestId("no-access")).toContainText("devices.read");
    await expect(developerPage.getByTestId("enroll-create")).toHaveCount(0);
    await context.close();
  });
});

test.describe("[AUDIT]", () => {
  test("[AUDIT]: the audit log filters by action and actor", async ({ page }) => {
    await signIn(page, OWNER);
    await addMemberWithPassword(page, { role: "viewer" });
    await page.goto("/audit");
    await page.getByTestId("audit-filter-action").fill("member.invited");
    await page.getByTestId("audit-filter-actor").fill(OWNER.email);
    await page.getByTestId("audit-filter-submit").click();
    await expect(page).toHaveURL(/action=member\.invited/);
    const actions = page.getByTestId("audit-action");
    await expect(actions.first()).toBeVisible();
    for (const text of await actions.allTextContents()) expect(text).toBe("member.invited");
    for (const text of await page.getByTestId("audit-actor").allTextContents()) expect(text).toBe(OWNER.email);

    await page.getByTestId("audit-filter-action").fill("no.such.action");
    await page.getByTestId("audit-filter-submit").click();
    await expect(page.getByTestId("audit-row")).toHaveCount(0);
    await expect(page.getByTestId("audit-log")).toContainText("No audit events match");
  });
});
