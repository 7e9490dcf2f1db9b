import { expect, test } from "@playwright/test";
import { addMemberWithPassword, newSignedInPage, OWNER, signIn, SSO_EMAIL_DOMAIN, trpcMutation, uniqueSuffix } from "../fixtures/console";

test.describe("[AUTH]", () => {
  test("[AUTH]: the owner signs in with e-mail and password and sees their organization", async ({ page }) => {
    await signIn(page, OWNER);
    await expect(page.getByTestId("active-org-name")).toHaveText("Demo Org");
    await page.getByTestId("user-menu").click();
    await expect(page.getByTestId("user-menu-email")).toHaveText(OWNER.email);
    await expect(page.getByTestId("user-menu-role")).toHaveText("owner");
  });

  test("[AUTH]: a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByTestId("sign-in-email").fill(OWNER.email);
    await page.getByTestId("sign-in-password").fill("not-the-right-password");
    await page.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("sign-in-error")).toHaveText("invalid e-mail or password");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("[AUTH]: repeated failures lock the account and the page says for how long", async ({ page, browser }) => {
    const { context: ownerContext, page: ownerPage } = await newSignedInPage(browser, OWNER);
    const member = await addMemberWithPassword(ownerPage, { role: "developer" });
    await ownerContext.close();

    await page.goto("/sign-in");
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.getByTestId("sign-in-email").fill(member.email);
      await page.getByTestId("sign-in-password").fill(`wrong-password-${attempt}`);
      await page.getByTestId("sign-in-submit").click();
      await expect(page.getByTestId("sign-in-error")).toBeVisible();
      await expect(page.getByTestId("sign-in-submit")).toBeEnabled();
    }
    await expect(page.getByTestId("sign-in-error")).toHaveText(/^too many sign-in attempts: try again in 1[45] minutes$/);
    // Locked: even the right password is refused until the lock ends.
    await page.getByTestId("sign-in-password").fill(member.password);
    await page.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("sign-in-error")).toHaveText(/^too many sign-in attempts/);
    await expect(page.getByTestId("user-menu")).toHaveCount(0);
  });

  test("[AUTH]: an invited user signs in through the OIDC identity provider", async ({ page, browser }) => {
    const login = `sso-${uniqueSuffix()}`;
    const { context: ownerContext, page: ownerPage } = await newSignedInPage(browser, OWNER);
    const invited = await trpcMutation(ownerPage.request, "members.invite", { email: `${login}@${SSO_EMAIL_DOMAIN}`, role: "reviewer", method: "link" });
    expect(invited.status).toBe(200);
    await ownerContext.close();

    await page.goto("/sign-in");
    await page.getByTestId("sign-in-oidc").click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("anything");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await expect(page.getByTestId("user-menu")).toBeVisible();
    await expect(page.getByTestId("active-org-name")).toHaveText("Demo Org");
    await page.getByTestId("user-menu").click();
    await expect(page.getByTestId("user-menu-email")).toHaveText(`${login}@${SSO_EMAIL_DOMAIN}`);
    await expect(page.getByTestId("user-menu-role")).toHaveText("reviewer");
  });

  test("[AUTH]: single sign-on refuses someone nobody invited and says to ask an admin", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByTestId("sign-in-oidc").click();
    await page.locator('input[name="login"]').fill(`stranger-${uniqueSuffix()}`);
    await page.locator('input[name="password"]').fill("anything");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await expect(page).toHaveURL(/\/sign-in\?error=OidcNotInvited/);
    await expect(page.getByTestId("sign-in-error")).toContainText("ask an admin to invite you");
    await expect(page.getByTestId("user-menu")).toHaveCount(0);
  });

  test("[AUTH]: sign out ends the session", async ({ page }) => {
    await signIn(page, OWNER);
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/members");
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/trpc/members.list")).status()).toBe(401);
  });

  test("[AUTH]: sign out everywhere ends the user's sessions in other browsers", async ({ browser }) => {
    const { context: ownerContext, page: ownerPage } = await newSignedInPage(browser, OWNER);
    const member = await addMemberWithPassword(ownerPage, { role: "viewer" });
    await ownerContext.close();
    const first = await newSignedInPage(browser, member);
    const second = await newSignedInPage(browser, member);

    await first.page.getByTestId("user-menu").click();
    await first.page.getByTestId("sign-out-everywhere").click();
    await expect(first.page).toHaveURL(/\/sign-in/);
    await second.page.goto("/members");
    await expect(second.page).toHaveURL(/\/sign-in/);
    await first.context.close();
    await second.context.close();
  });

  test("[AUTH]: a user switches between organizations", async ({ page }) => {
    await signIn(page, OWNER);
    const name = `Second Org ${uniqueSuffix()}`;
    await page.goto("/settings");
    await page.getByTestId("create-org-name").fill(name);
    await page.getByTestId("create-org-slug").fill(`second-${uniqueSuffix()}`);
    await page.getByTestId("create-org-submit").click();
    await expect(page.getByTestId("active-org-name")).toHaveText(name);
    // The new org has its own members: just its creator.
    await page.goto("/members");
    await expect(page.getByTestId("member-row")).toHaveCount(1);

    await page.getByTestId("org-switcher").selectOption({ label: "Demo Org (owner)" });
    await expect(page.getByTestId("active-org-name")).toHaveText("Demo Org");
    await expect(page.getByTestId("member-row")).not.toHaveCount(1);
    await page.reload();
    await expect(page.getByTestId("active-org-name")).toHaveText("Demo Org");
  });
});
