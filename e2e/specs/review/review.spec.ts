import { expect, test, type Page } from "@playwright/test";
import { addMemberWithPassword, newSignedInPage, OWNER, signIn, trpcMutation, trpcQuery, uniqueSuffix } from "../../fixtures/console";
import { createScope, enrollDevice, postEvents } from "../policies/_support/policies";

/** Reloads /events until the group `key` is in the queue (uploads are folded in within seconds). */
async function waitForGroup(page: Page, key: string) {
  await expect(async () => {
    await page.goto("/events");
    await page.getByTestId("review-tab-all").click();
    await page.getByTestId("filter-search").fill(key);
    await expect(page.locator(`[data-testid="review-group"][data-group-key="${key}"]`)).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000, intervals: [1_000, 2_000, 3_000] });

  return page.locator(`[data-testid="review-group"][data-group-key="${key}"]`);
}

test.describe("[REVIEW]", () => {
  test("[REVIEW]: blocks are grouped with counts and details; a reviewer acknowledges, dismisses with a reason and allows into a draft", async ({ page, browser }) => {
    await signIn(page, OWNER);
    const sfx = uniqueSuffix().toLowerCase();
    const busy = `busy-${sfx}.example.com`;
    const noisy = `noisy-${sfx}.example.com`;
    const scope = await createScope(page);
    const credential = await enrollDevice(page, { scope, name: `rev-${sfx}` });
    await postEvents(page.request, credential, [
      { tool: "Bash", kind: "shell", destination: busy, user: "alice", count: 3 },
      { tool: "WebFetch", kind: "fetch", destination: busy, user: "bob", rule: "hosts.denied" },
      { tool: "Bash", kind: "shell", destination: noisy, user: "carol" },
    ]);
    const reviewer = await addMemberWithPassword(page, { role: "reviewer" });
    const { page: rev, context } = await newSignedInPage(browser, reviewer);

    // Grouped: one row per destination, with counts, devices/users, rule and the redacted excerpt.
    const group = await waitForGroup(rev, busy);
    await expect(group.getByTestId("review-group-count")).toHaveText("4");
    await expect(group).toContainText("1 / 2");
    await expect(group.getByTestId("review-group-state")).toHaveText("new");
    await group.getByTestId("review-group-key").click();
    await expect(rev.getByTestId("group-detail")).toBeVisible();
    await expect(rev.getByTestId("group-event")).toHaveCount(4);
    await expect(rev.getByTestId("group-device")).toContainText(`rev-${sfx}`);

    // Filters: search and user narrow the queue (a fresh load: the filter options include the new blocks).
    await rev.goto("/events");
    await rev.getByTestId("review-tab-all").click();
    await rev.getByTestId("filter-search").fill(sfx);
    await expect(rev.getByTestId("review-group")).toHaveCount(2);
    await rev.getByTestId("filter-user").selectOption("carol");
    await expect(rev.getByTestId("review-group")).toHaveCount(1);
    await expect(rev.getByTestId("review-group")).toHaveAttribute("data-group-key", noisy);
    await rev.getByTestId("filter-user").selectOption("");

    // Acknowledge, then dismiss with a reason (the state tabs follow).
    await rev.locator(`[data-testid="review-group"][data-group-key="${busy}"]`).getByTestId("review-acknowledge").click();
    await expect(rev.locator(`[data-testid="review-group"][data-group-key="${busy}"]`).getByTestId("review-group-state")).toHaveText("acknowledged");
    const noisyRow = rev.locator(`[data-testid="review-group"][data-group-key="${noisy}"]`);
    await noisyRow.getByTestId("review-dismiss").click();
    await rev.getByTestId("dismiss-note").fill("one-off typo by carol");
    await rev.getByTestId("dismiss-submit").click();
    await expect(noisyRow.getByTestId("review-group-state")).toHaveText("dismissed");
    await rev.getByTestId("review-tab-dismissed").click();
    await expect(rev.getByTestId("review-group")).toHaveCount(1);
    await expect(rev.getByTestId("review-group")).toHaveAttribute("data-group-key", noisy);

    // Allow this: a prefilled draft change in the chosen scope.
    await rev.getByTestId("review-tab-all").click();
    const busyRow = rev.locator(`[data-testid="review-group"][data-group-key="${busy}"]`);
    await busyRow.getByTestId("review-allow").click();
    await expect(rev.getByTestId("allow-target")).toHaveValue(busy);
    await rev.getByTestId("allow-scope").fill(scope);
    await rev.getByTestId("allow-justification").fill("vendor API used by the build");
    await rev.getByTestId("allow-submit").click();
    await expect(rev.getByTestId("allow-result")).toContainText(`Added host ${busy} to the draft of ${scope}`);
    await expect(busyRow.getByTestId("review-group-state")).toHaveText("allowed");
    const policy = await trpcQuery(page.request, "policy.get", { scope });
    expect(JSON.stringify(policy.body.result?.data?.json)).toContain(busy);

    // The audit log recorded each decision.
    await page.goto("/audit");
    await expect(page.getByTestId("audit-log")).toContainText("event_group.allow_proposed");
    await context.close();
  });

  test("[REVIEW]: a viewer sees the queue and the dashboard but cannot triage; the overview charts render", async ({ page, browser }) => {
    await signIn(page, OWNER);
    const sfx = uniqueSuffix().toLowerCase();
    const host = `viewer-${sfx}.example.com`;
    const scope = await createScope(page);
    const credential = await enrollDevice(page, { scope, name: `view-${sfx}` });
    await postEvents(page.request, credential, [{ tool: "Bash", kind: "shell", destination: host, count: 2 }]);
    const viewer = await addMemberWithPassword(page, { role: "viewer" });
    const { page: view, context } = await newSignedInPage(browser, viewer);
    const group = await waitForGroup(view, host);
    await expect(group.getByTestId("review-group-count")).toHaveText("2");
    await expect(group.getByTestId("review-allow")).toHaveCount(0);
    await expect(group.getByTestId("review-acknowledge")).toHaveCount(0);
    const groups = await trpcQuery(view.request, "review.groups", { search: host });
    const groupId = (groups.body.result?.data?.json as { groups: { id: string }[] }).groups[0]?.id;
    expect(groupId).toBeTruthy();
    const triage = await trpcMutation(view.request, "review.triage", { groupId, state: "acknowledged" });
    expect(triage.status).toBe(403);

    await view.goto("/");
    await expect(view.getByTestId("dashboard")).toBeVisible();
    await expect(view.getByTestId("chart-blocks").getByRole("application")).toBeVisible();
    await expect(view.getByTestId("chart-top")).toContainText(host);
    await expect(view.getByTestId("chart-fleet").getByRole("application")).toBeVisible();
    await context.close();
  });
});
