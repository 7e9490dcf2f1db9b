import { expect, test, type Page } from "@playwright/test";
import { addMemberWithPassword, newSignedInPage, OWNER, signIn, trpcMutation, trpcQuery, uniqueSuffix } from "../fixtures/console";

const memberRow = (page: Page, email: string) => page.locator(`[data-testid="member-row"][data-email="${email}"]`);

test.describe("[MEMBERS]", () => {
  test("[MEMBERS]: an invite link lets a new member choose a password and sign in", async ({ page, browser }) => {
    const email = `invitee-${uniqueSuffix()}@e2e.example.test`;
    await signIn(page, OWNER);
    await page.goto("/members");
    await page.getByTestId("invite-email").fill(email);
    await page.getByTestId("invite-role").selectOption("developer");
    await page.getByTestId("invite-submit").click();
    const link = await page.getByTestId("invite-link").textContent();
    expect(link).toMatch(/\/invite\/egi_/);
    await expect(memberRow(page, email)).toContainText("invited");

    const invitee = await browser.newContext();
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(link ?? "");
    const password = `chosen-${uniqueSuffix()}-password`;
    await inviteePage.getByTestId("invite-accept-password").fill(password);
    await inviteePage.getByTestId("invite-accept-confirm").fill(password);
    await inviteePage.getByTestId("invite-accept-submit").click();
    await expect(inviteePage.getByTestId("active-org-name")).toHaveText("Demo Org");
    await inviteePage.getByTestId("user-menu").click();
    await expect(inviteePage.getByTestId("user-menu-role")).toHaveText("developer");

    // The link works once.
    const again = await browser.newContext();
    const againPage = await again.newPage();
    await againPage.goto(link ?? "");
    await againPage.getByTestId("invite-accept-password").fill(password);
    await againPage.getByTestId("invite-accept-confirm").fill(password);
    await againPage.getByTestId("invite-accept-submit").click();
    await expect(againPage.getByTestId("invite-accept-error")).toContainText("already used");

    // And the new password works on the sign-in page.
    const fresh = await browser.newContext();
    const freshPage = await fresh.newPage();
    await signIn(freshPage, { email, password });
    await page.reload();
    await expect(memberRow(page, email)).toContainText("active");
    await Promise.all([invitee.close(), again.close(), fresh.close()]);
  });

  test("[MEMBERS]: an owner changes a member's role and it is audited", async ({ page }) => {
    await signIn(page, OWNER);
    const member = await addMemberWithPassword(page, { role: "developer" });
    await page.goto("/members");
    await memberRow(page, member.email).getByTestId("member-role-select").selectOption("reviewer");
    await expect(memberRow(page, member.email).getByTestId("member-role-select")).toHaveValue("reviewer");
    await page.reload();
    await expect(memberRow(page, member.email).getByTestId("member-role-select")).toHaveValue("reviewer");

    await page.goto(`/audit?action=member.`);
    await expect(page.getByTestId("audit-row").first()).toBeVisible();
    await expect(page.getByTestId("audit-action").first()).toHaveText(/^member\./);
    await expect(page.getByTestId("audit-row").filter({ hasText: "member.role_changed" }).first()).toBeVisible();
  });

  test("[MEMBERS]: an owner removes a member, who loses access", async ({ page, browser }) => {
    await signIn(page, OWNER);
    const member = await addMemberWithPassword(page, { role: "developer" });
    const { context, page: memberPage } = await newSignedInPage(browser, member);

    await page.goto("/members");
    await memberRow(page, member.email).getByTestId("member-remove").click();
    await memberRow(page, member.email).getByTestId("member-remove-confirm").click();
    await expect(memberRow(page, member.email)).toHaveCount(0);

    await memberPage.goto("/members");
    await expect(memberPage).toHaveURL(/\/no-organization/);
    await context.close();
  });

  test("[MEMBERS]: the last owner cannot be removed or demoted", async ({ page }) => {
    await signIn(page, OWNER);
    await page.goto("/members");
    const self = memberRow(page, OWNER.email);
    await self.getByTestId("member-remove").click();
    await self.getByTestId("member-remove-confirm").click();
    await expect(page.getByTestId("members-error")).toHaveText("the last owner cannot be removed: make another member an owner first");
    await self.getByTestId("member-role-select").selectOption("admin");
    await expect(page.getByTestId("members-error")).toContainText("the last owner cannot be");
    await page.reload();
    await expect(memberRow(page, OWNER.email).getByTestId("member-role-select")).toHaveValue("owner");
  });

  test("[MEMBERS]: a viewer sees no admin actions and the server refuses them", async ({ page, browser }) => {
    await signIn(page, OWNER);
    const viewer = await addMemberWithPassword(page, { role: "viewer" });
    const { context, page: viewerPage } = await newSignedInPage(browser, viewer);

    await viewerPage.goto("/members");
    await expect(viewerPage.getByTestId("member-row").first()).toBeVisible();
    await expect(viewerPage.getByTestId("invite-member")).toHaveCount(0);
    await expect(viewerPage.getByTestId("member-remove")).toHaveCount(0);
    await expect(viewerPage.getByTestId("member-role-select")).toHaveCount(0);
    await viewerPage.goto("/settings");
    await expect(viewerPage.getByTestId("org-settings-save")).toHaveCount(0);
    await expect(viewerPage.getByTestId("api-tokens")).toHaveCount(0);

    const invite = await trpcMutation(viewerPage.request, "members.invite", { email: `x-${uniqueSuffix()}@e2e.example.test`, role: "owner", method: "link" });
    expect(invite.status).toBe(403);
    expect(JSON.stringify(invite.body)).toContain("permission required: members.manage");
    const members = await trpcQuery(page.request, "members.list");
    const ownerRow = (members.body.result?.data?.json as { email: string; membershipId: string }[]).find((m) => m.email === OWNER.email);
    const remove = await trpcMutation(viewerPage.request, "members.remove", { membershipId: ownerRow?.membershipId });
    expect(remove.status).toBe(403);
    await context.close();
  });
});
