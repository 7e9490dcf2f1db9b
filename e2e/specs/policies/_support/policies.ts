import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { trpcMutation, trpcQuery, uniqueSuffix } from "../../../fixtures/console";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A ULID-shaped event id (what devices send). */
export function ulid(): string {
  let time = Date.now();
  let head = "";
  for (let i = 0; i < 10; i++) {
    head = (CROCKFORD[time % 32] ?? "0") + head;
    time = Math.floor(time / 32);
  }
  const tail = [...randomBytes(16)].map((b) => CROCKFORD[b % 32] ?? "0").join("");

  return head + tail;
}

/** A starter-like policy document (the console's defaults are tested elsewhere; this one is explicit). */
export function baseDocument(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { version: 1, name: "e2e", mode: "enforce", hosts: { allow: ["github.com", "registry.npmjs.org"], deny: [], loopback: "allow" }, ...extra };
}

/** A fresh policy scope of the shared org, seeded with `document` as its draft (tRPC over HTTP, as the signed-in page). */
export async function createScope(page: Page, document: unknown = baseDocument()): Promise<string> {
  const scope = `e2e-${uniqueSuffix()}`.toLowerCase().slice(0, 60);
  const saved = await trpcMutation(page.request, "policy.updateDraft", { scope, document, baseVersion: 0 });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);

  return scope;
}

/** The current draft version of a scope. */
export async function draftVersion(request: APIRequestContext, scope: string): Promise<number> {
  const got = await trpcQuery(request, "policy.get", { scope });
  expect(got.status, JSON.stringify(got.body)).toBe(200);

  return (got.body.result?.data?.json as { draftVersion: number }).draftVersion;
}

/** Enrolls a device into `scope` (enrollment token via tRPC, then the device REST API); returns its credential. */
export async function enrollDevice(page: Page, { scope, name }: { scope: string; name: string }): Promise<string> {
  const token = await trpcMutation(page.request, "enrollment.create", { scope, name: `token-${name}`, maxUses: 1, expiresInHours: 1 });
  expect(token.status, JSON.stringify(token.body)).toBe(200);
  const enrollToken = (token.body.result?.data?.json as { token: string }).token;
  const enrolled = await page.request.post("/api/v1/enroll", { data: { token: enrollToken, name, hostname: name, platform: "linux", cliVersion: "e2e" } });
  expect(enrolled.status(), await enrolled.text()).toBe(201);

  return ((await enrolled.json()) as { credential: string }).credential;
}

type TEvent = { tool: string; kind: string; destination?: string; decision?: "deny" | "allow"; rule?: string; user?: string; count?: number };

/** Uploads recorded decisions as a device would (`POST /api/v1/events`). */
export async function postEvents(request: APIRequestContext, credential: string, events: TEvent[]) {
  const body = events.flatMap((e) =>
    Array.from({ length: e.count ?? 1 }, () => ({
      id: ulid(),
      ts: new Date(Date.now() - 3_600_000).toISOString(),
      event: e.decision === "allow" ? "egress_decision" : "egress_block",
      decision: e.decision ?? "deny",
      agent: "claude-code",
      tool: e.tool,
      kind: e.kind,
      destination: e.destination,
      rule: e.rule ?? (e.decision === "allow" ? "hosts.allowed" : "hosts.not_allowed"),
      user: e.user,
    })),
  );
  const response = await request.post("/api/v1/events", { data: { events: body }, headers: { authorization: `Bearer ${credential}` } });
  expect(response.status(), await response.text()).toBe(200);
  expect(((await response.json()) as { stored: number }).stored).toBe(body.length);
}

/** Opens a scope's workspace on `tab` and waits for the draft to load. */
export async function openScope(page: Page, scope: string, tab = "editor") {
  await page.goto(`/policies/${scope}?tab=${tab}`);
  await expect(page.getByTestId("policy-workspace")).toBeVisible();
}

/** Replaces the raw JSON text of the editor. */
export async function setRawJson(page: Page, value: unknown) {
  await page.getByTestId("view-raw").click();
  await page.getByTestId("raw-json").fill(typeof value === "string" ? value : `${JSON.stringify(value, null, 2)}\n`);
}

/** Saves the draft and waits for the confirmation. */
export async function saveDraft(page: Page) {
  await page.getByTestId("save-draft").click();
  await expect(page.getByTestId("draft-notice")).toContainText("saved version");
}

/** Publishes the saved draft with a note and waits for the result. */
export async function publishWithNote(page: Page, note: string) {
  await page.getByTestId("publish-note").fill(note);
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("publish-result")).toBeVisible();
}
