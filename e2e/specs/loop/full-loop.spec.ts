import { expect, test, type Page } from "@playwright/test";
import { addMemberWithPassword, newSignedInPage, OWNER, signIn, trpcMutation, uniqueSuffix } from "../../fixtures/console";
import { baseDocument, createScope, openScope, publishWithNote } from "../policies/_support/policies";
import { claudeDecision, newMachine } from "./_support/cli";

// The whole product loop with the real built console and the real built CLI and hook:
// publish → enroll → pull → hook denies → upload → review queue → request → approve → publish →
// pull → the same hook input is allowed. Run on PGlite by default and on PostgreSQL with
// E2E_DATABASE_URL (see e2e/README.md).

const HOST = "new.example.com";
const COMMAND = `curl https://${HOST}`;

/** Reloads `path` until `locator` shows up (uploads are folded into the queue within seconds). */
async function reloadUntilVisible(page: Page, path: string, testId: string, attr: { name: string; value: string }) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.locator(`[data-testid="${testId}"][${attr.name}="${attr.value}"]`)).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000, intervals: [1_000, 2_000, 3_000] });

  return page.locator(`[data-testid="${testId}"][${attr.name}="${attr.value}"]`);
}

test.describe("[LOOP]", () => {
  test("[LOOP]: a block on a developer machine becomes an approved request that reaches the machine", async ({ page, browser, baseURL }) => {
    test.setTimeout(300_000);
    await signIn(page, OWNER);
    const developer = await addMemberWithPassword(page, { role: "developer" });
    const reviewer = await addMemberWithPassword(page, { role: "reviewer" });

    // 1. An admin publishes a policy for a fresh scope (draft seeded, published in the UI).
    const scope = await createScope(page, baseDocument());
    await openScope(page, scope);
    await publishWithNote(page, "loop baseline");
    await expect(page.getByTestId("publish-result")).toContainText("snapshot version 1");

    // 2. The admin creates an enrollment token in the UI for the developer's machine.
    await page.goto("/devices");
    const machineName = `loop-${uniqueSuffix()}`;
    await page.getByTestId("enroll-name").fill(machineName);
    await page.getByTestId("enroll-scope").fill(scope);
    await page.getByTestId("enroll-owner").fill(developer.email);
    await page.getByTestId("enroll-create").click();
    const command = (await page.getByTestId("enroll-command").textContent()) ?? "";
    const token = /--token (\S+)/.exec(command)?.[1];
    expect(token, command).toBeTruthy();

    // 3. The machine enrolls and pulls with the built CLI.
    const machine = newMachine();
    const enrolled = await machine.json<{ scope: string }>(["enroll", "--server", baseURL ?? "", "--token", token ?? "", "--name", machineName]);
    expect(enrolled).toMatchObject({ ok: true, scope });
    const firstPull = await machine.json<{ version: number }>(["pull"]);
    expect(firstPull).toMatchObject({ ok: true, version: 1 });

    // 4. The Claude Code hook denies the call, in Claude Code's protocol, offline.
    const denied = await claudeDecision(machine, COMMAND);
    expect(denied).toMatchObject({ event: "PreToolUse", decision: "deny" });
    expect(denied.reason).toContain(HOST);
    expect(denied.reason).toContain("egress-sync request");

    // 5. The block is uploaded and appears in the review queue.
    const flushed = await machine.json<{ status: string; pending: number }>(["flush"]);
    expect(flushed).toMatchObject({ ok: true, pending: 0 });
    const review = await newSignedInPage(browser, reviewer);
    const group = await reloadUntilVisible(review.page, "/events", "review-group", { name: "data-group-key", value: HOST });
    await expect(group).toContainText(COMMAND);
    await expect(group.getByTestId("review-group-state")).toHaveText("new");

    // 6. The developer asks for access from the machine.
    const filed = await machine.json<{ request: { id: string; status: string } }>(["request", HOST, "--reason", "vendor API for the loop test"]);
    expect(filed).toMatchObject({ ok: true, request: { status: "pending" } });

    // 7. The reviewer sees it with the matching block and approves in the browser.
    const item = await reloadUntilVisible(review.page, "/requests", "request-item", { name: "data-target", value: HOST });
    await expect(item.getByTestId("request-reason")).toContainText("vendor API for the loop test");
    await expect(item).toContainText(developer.email);
    await expect(item).toContainText(machineName);
    await expect(item.getByTestId("request-matching-blocks")).toContainText("from this device");
    await item.getByTestId("request-approve").click();
    await item.getByTestId("approve-note").fill("ok for the vendor integration");
    await item.getByTestId("approve-submit").click();
    await expect(review.page.getByTestId("decide-outcome")).toContainText("added to the draft");
    await review.context.close();

    // 8. The approval is in the scope's draft; the admin publishes it as a new snapshot.
    await openScope(page, scope);
    await publishWithNote(page, `approved request for ${HOST}`);
    await expect(page.getByTestId("publish-result")).toContainText("snapshot version 2");

    // 9. The machine pulls the new version; the same hook input is now allowed.
    const secondPull = await machine.json<{ version: number; changed: boolean }>(["pull"]);
    expect(secondPull).toMatchObject({ ok: true, version: 2, changed: true });
    const allowed = await claudeDecision(machine, COMMAND);
    expect(allowed).toMatchObject({ stdout: "{}", decision: "allow" });

    // 10. The developer sees the outcome on the machine and in the console.
    const listed = await machine.json<{ requests: { id: string; status: string; decisionNote: string | null }[] }>(["requests"]);
    expect(listed.requests.find((r) => r.id === filed.request.id)).toMatchObject({ status: "approved", decisionNote: "ok for the vendor integration" });
    const dev = await newSignedInPage(browser, developer);
    await dev.page.goto("/requests");
    await expect(dev.page.getByTestId("my-request-row").filter({ hasText: HOST }).getByTestId("my-request-status")).toHaveText("approved");
    await dev.context.close();
  });

  test("[LOOP]: roles hold in the browser and on the server: a developer cannot approve, a reviewer cannot change keys", async ({ page, browser }) => {
    await signIn(page, OWNER);
    const developer = await addMemberWithPassword(page, { role: "developer" });
    const reviewer = await addMemberWithPassword(page, { role: "reviewer" });
    const filed = await trpcMutation(page.request, "review.createRequest", { kind: "host", target: `roles-${uniqueSuffix()}.example.com`, reason: "role check" });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const requestId = (filed.body.result?.data?.json as { id: string }).id;

    const dev = await newSignedInPage(browser, developer);
    await dev.page.goto("/requests");
    await expect(dev.page.getByTestId("my-requests")).toBeVisible();
    await expect(dev.page.getByTestId("request-queue")).toHaveCount(0);
    await expect(dev.page.getByTestId("request-approve")).toHaveCount(0);
    const devDecide = await trpcMutation(dev.page.request, "requests.decide", { requestId, decision: "approve" });
    expect(devDecide.status).toBe(403);
    expect(devDecide.body.error?.json?.data?.code).toBe("FORBIDDEN");
    const devTriage = await trpcMutation(dev.page.request, "review.proposeAllow", { groupId: "x", justification: "x" });
    expect(devTriage.status).toBe(403);
    await dev.context.close();

    const rev = await newSignedInPage(browser, reviewer);
    await rev.page.goto("/requests");
    await expect(rev.page.locator(`[data-testid="request-item"]`).first().getByTestId("request-approve")).toBeVisible();
    await rev.page.goto("/settings");
    await expect(rev.page.getByTestId("rotate-signing-key")).toHaveCount(0);
    await expect(rev.page.getByTestId("rotate-root-key")).toHaveCount(0);
    const rotate = await trpcMutation(rev.page.request, "keys.rotateSigning", undefined);
    expect(rotate.status).toBe(403);
    expect(rotate.body.error?.json?.data?.code).toBe("FORBIDDEN");
    await rev.context.close();
  });
});
