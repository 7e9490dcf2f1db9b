import { expect, test } from "@playwright/test";
import { OWNER, signIn } from "../../fixtures/console";
import { baseDocument, enrollDevice, saveDraft, setRawJson } from "./_support/policies";

test.describe("[POLICIES] scopes", () => {
  test("[POLICIES]: a new named scope is created from the Policies page, listed with its devices, and published on its own", async ({ page }) => {
    await signIn(page, OWNER);
    const scope = `contractors-${Date.now().toString(36)}`;
    await page.goto("/policies");
    await page.getByTestId("new-scope-name").fill("Not Valid!");
    await expect(page.getByTestId("new-scope-open")).toBeDisabled();
    await page.getByTestId("new-scope-name").fill(scope);
    await page.getByTestId("new-scope-open").click();
    await expect(page).toHaveURL(new RegExp(`/policies/${scope}`));
    await expect(page.getByTestId("policy-workspace")).toBeVisible();

    await setRawJson(page, baseDocument({ name: "contractors", mode: "observe" }));
    await saveDraft(page);
    await page.getByTestId("publish-note").fill("contractors start in observe mode");
    await page.getByTestId("publish").click();
    await expect(page.getByTestId("publish-result")).toBeVisible();
    await enrollDevice(page, { scope, name: `laptop-${scope}` });

    await page.goto("/policies");
    const row = page.getByTestId("policy-scope-row").filter({ hasText: scope });
    await expect(row).toContainText("revision 1");
    await expect(row).toContainText("observe");
    await expect(row.locator("td").last()).toHaveText("1");
    await row.getByRole("link", { name: scope }).click();
    await expect(page).toHaveURL(new RegExp(`/policies/${scope}`));
  });
});
