import { expect, test } from "@playwright/test";
import { addMemberWithPassword, newSignedInPage, OWNER, signIn, trpcMutation } from "../../fixtures/console";
import { baseDocument, createScope, draftVersion, openScope, saveDraft, setRawJson } from "./_support/policies";

test.describe("[POLICIES] editor", () => {
  test("[POLICIES]: an admin edits hosts in the structured editor, saves, and the draft survives a reload", async ({ page }) => {
    await signIn(page, OWNER);
    const scope = await createScope(page);
    await openScope(page, scope);

    const allow = page.getByTestId("field-hosts-allow");
    await expect(allow).toHaveValue("github.com\nregistry.npmjs.org");
    await allow.fill("github.com\nregistry.npmjs.org\ndocs.partner.example.com");
    await page.getByTestId("field-mode").selectOption("observe");
    await expect(page.getByTestId("unsaved-badge")).toBeVisible();
    await saveDraft(page);
    expect(await draftVersion(page.request, scope)).toBe(2);

    await page.reload();
    await expect(page.getByTestId("field-hosts-allow")).toHaveValue("github.com\nregistry.npmjs.org\ndocs.partner.example.com");
    await expect(page.getByTestId("field-mode")).toHaveValue("observe");
    await page.getByTestId("view-raw").click();
    await expect(page.getByTestId("raw-json")).toHaveValue(/"docs\.partner\.example\.com"/);
  });

  test("[POLICIES]: invalid input is shown at the field and on the right line of the raw JSON, and cannot be saved", async ({ page }) => {
    await signIn(page, OWNER);
    const scope = await createScope(page);
    await openScope(page, scope);

    await page.getByTestId("field-hosts-allow").fill("github.com\nhttps://evil.example.com/path");
    await expect(page.getByTestId("field-hosts-allow-error")).toContainText("hosts.allow.1: host `https://evil.example.com/path` must be a bare host");
    await expect(page.getByTestId("validation-status")).toHaveText("1 problem(s)");
    await expect(page.getByTestId("save-draft")).toBeDisabled();

    // Raw view: the same problem, on the line that holds the bad entry.
    await page.getByTestId("view-raw").click();
    const text = await page.getByTestId("raw-json").inputValue();
    const line = text.split("\n").findIndex((l) => l.includes("https://evil.example.com/path")) + 1;
    expect(line).toBeGreaterThan(1);
    await expect(page.getByTestId("raw-issue")).toHaveText(`line ${line}: hosts.allow.1: host \`https://evil.example.com/path\` must be a bare host, not a URL`);
    await expect(page.getByTestId(`raw-error-line-${line}`)).toBeVisible();

    // A JSON syntax error is placed on its line too, and the structured view refuses to guess.
    await setRawJson(page, '{\n  "version": 1,\n  "mode": "enforce"\n  "hosts": {}\n}\n');
    await expect(page.getByTestId("raw-issue").first()).toContainText("line 4: json syntax");
    await page.getByTestId("view-structured").click();
    await expect(page.getByTestId("structured-unavailable")).toBeVisible();

    // Nothing invalid reached the server.
    expect(await draftVersion(page.request, scope)).toBe(1);
  });

  test("[POLICIES]: two people editing see each other's changes and merge instead of overwriting", async ({ page, browser }) => {
    await signIn(page, OWNER);
    const admin = await addMemberWithPassword(page, { role: "admin" });
    const scope = await createScope(page);
    await openScope(page, scope);
    const other = await newSignedInPage(browser, admin);
    await openScope(other.page, scope);

    // I start editing (unsaved) while they add a denied host and save.
    await page.getByTestId("field-hosts-allow").fill("github.com\nregistry.npmjs.org\nmine.example.com");
    await other.page.getByTestId("field-hosts-deny").fill("theirs-denied.example.com");
    await saveDraft(other.page);

    // Polling shows me who saved, without touching my edit.
    await expect(page.getByTestId("remote-change")).toContainText(admin.email);
    await expect(page.getByTestId("field-hosts-allow")).toHaveValue(/mine\.example\.com/);

    // Saving blindly would be a conflict; merging keeps both changes.
    await page.getByTestId("merge-theirs").click();
    await expect(page.getByTestId("field-hosts-deny")).toHaveValue("theirs-denied.example.com");
    await expect(page.getByTestId("field-hosts-allow")).toHaveValue(/mine\.example\.com/);
    await saveDraft(page);
    expect(await draftVersion(page.request, scope)).toBe(3);

    // The other editor had no unsaved changes: it simply shows the merged draft.
    await expect(other.page.getByTestId("field-hosts-allow")).toHaveValue(/mine\.example\.com/, { timeout: 15_000 });
    await other.context.close();
  });

  test("[POLICIES]: a stale save is refused with who changed it, and reloading loses nothing of theirs", async ({ page }) => {
    await signIn(page, OWNER);
    const scope = await createScope(page);
    await openScope(page, scope);
    await page.getByTestId("field-hosts-allow").fill("github.com\nstale.example.com");
    // Someone else saves version 2 through the API between my load and my save (before my poll sees it).
    const saved = await trpcMutation(page.request, "policy.updateDraft", { scope, document: baseDocument({ mode: "observe" }), baseVersion: 1 });
    expect(saved.status).toBe(200);
    await page.getByTestId("save-draft").click();
    await expect(page.getByTestId("save-error").or(page.getByTestId("remote-change")).first()).toBeVisible();
    await expect(page.getByTestId("remote-change")).toBeVisible();
    await page.getByTestId("load-theirs").click();
    await expect(page.getByTestId("field-mode")).toHaveValue("observe");
    await expect(page.getByTestId("field-hosts-allow")).not.toHaveValue(/stale\.example\.com/);
  });
});
