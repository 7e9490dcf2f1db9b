import { createHash, randomBytes } from "node:crypto";
import type { TRole } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import { defaultPolicyDocument, type TPolicyDocument } from "@egress/policy";
import type { TRootDocument } from "@egress/snapshot";
import { handleEnroll, type TRestContext } from "../../src/rest";
import { createEnrollmentToken } from "../../src/services/enrollment/create-enrollment-token";
import { updatePolicyDraft } from "../../src/services/policy/update-draft";
import { publishPolicy } from "../../src/services/publish/publish-policy";
import type { TActor } from "../../src/trpc";
import { actorFor, createTestOrg, createTestUser, TEST_KEK, type TTestUser } from "../helpers";

export const CONSOLE_URL = "https://console.example.test";
export { TEST_KEK };

/** An org made by the real createOrganization, with its owner and the owner's actor. */
export async function setupOrg(db: PrismaClient) {
  const owner = await createTestUser(db);
  const org = await createTestOrg(db, owner);

  return { org, owner, actor: actorFor(owner, org.id, "owner") };
}

/** A member with `role` and their actor. */
export async function addMember(db: PrismaClient, orgId: string, role: TRole): Promise<{ user: TTestUser; actor: TActor }> {
  const user = await createTestUser(db);
  await db.membership.create({ data: { orgId, userId: user.id, role } });

  return { user, actor: actorFor(user, orgId, role) };
}

/** An org API token with `role`, inserted as the foundation service stores it (sha256). */
export async function createApiToken(db: PrismaClient, orgId: string, role: TRole): Promise<string> {
  const token = `egk_${randomBytes(32).toString("base64url")}`;
  await db.apiToken.create({ data: { orgId, name: `t-${role}`, prefix: token.slice(0, 10), tokenHash: createHash("sha256").update(token).digest("hex"), role } });

  return token;
}

/** A policy with `hosts` allowed (and optional tests). */
export function policyWith(hosts: string[], extra: Partial<TPolicyDocument> = {}): TPolicyDocument {
  const doc = defaultPolicyDocument();

  return { ...doc, ...extra, hosts: { ...doc.hosts, allow: hosts } };
}

/** Saves `document` as the draft of `scope` and publishes it. */
export async function publishDocument(db: PrismaClient, actor: TActor, document: unknown, scope = "default") {
  await updatePolicyDraft({ db, actor, scope, document });

  return publishPolicy({ db, actor, scope, kek: TEST_KEK });
}

/** A JSON request to the REST API. */
export function restRequest(path: string, opts: { method?: string; body?: unknown; bearer?: string; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(opts.headers);
  if (opts.bearer) headers.set("authorization", `Bearer ${opts.bearer}`);
  if (opts.body !== undefined) headers.set("content-type", "application/json");

  return new Request(`${CONSOLE_URL}${path}`, {
    method: opts.method ?? (opts.body === undefined ? "GET" : "POST"),
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body),
  });
}

export const restContext = (db: PrismaClient, params?: Record<string, string>): TRestContext => ({ db, consoleUrl: CONSOLE_URL, ...(params ? { params } : {}) });

/** Creates an enrollment token and enrolls a device with it; returns the device credential and the pinned root. */
export async function enrollDevice(db: PrismaClient, actor: TActor, opts: { scope?: string; name?: string } = {}) {
  const token = await createEnrollmentToken({ db, actor, input: { scope: opts.scope ?? "default", expiresInHours: 1, maxUses: 1 }, consoleUrl: CONSOLE_URL });
  const res = await handleEnroll(restRequest("/api/v1/enroll", { body: { token: token.token, name: opts.name ?? "laptop" } }), restContext(db));
  if (res.status !== 201) throw new Error(`enroll failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { deviceId: string; credential: string; root: { payload: string }; rootVersion: number; rootFingerprint: string };

  return { ...body, rootDocument: decodeRoot(body.root) };
}

/** The document inside a root envelope (tests decode what the device would pin). */
export function decodeRoot(envelope: { payload: string }): TRootDocument {
  return JSON.parse(Buffer.from(envelope.payload, "base64").toString("utf8")) as TRootDocument;
}

/** Reads a JSON error body. */
export async function readError(res: Response): Promise<{ code: string; message: string; details?: { path: string; message: string }[] }> {
  return ((await res.json()) as { error: { code: string; message: string; details?: { path: string; message: string }[] } }).error;
}
