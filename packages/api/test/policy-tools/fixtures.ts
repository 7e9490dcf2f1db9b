import { createHash } from "node:crypto";
import type { TRole } from "@egress/contracts";
import type { Prisma, PrismaClient } from "@egress/db";
import { defaultPolicyDocument, type TPolicyDocument } from "@egress/policy";
import { policyToolsRouter } from "../../src/routers/policy-tools/router";
import { createCallerFactory, createTRPCContext, createTRPCRouter } from "../../src/trpc";
import { actorFor, addTestMember, createTestOrg, createTestUser, uniqueId, type TTestUser } from "../helpers";

// The tools router on its own, so these tests do not depend on how root.ts is wired.
const createToolsCaller = createCallerFactory(createTRPCRouter({ policyTools: policyToolsRouter }));

/** A tRPC caller of `policyTools.*` for `user` in `orgId`. */
export function toolsCallerFor(db: PrismaClient, user: TTestUser | null, orgId: string) {
  const session = user ? { userId: user.id, email: user.email, name: user.name } : null;

  return createToolsCaller(createTRPCContext({ db, session, headers: new Headers({ "x-egress-org": orgId }) })).policyTools;
}

/** A starter document with changes applied. */
export function documentWith(change: (doc: TPolicyDocument) => void): TPolicyDocument {
  const doc = defaultPolicyDocument();
  change(doc);

  return doc;
}

/** An org with an owner and one member per other role. */
export async function createToolsOrg(db: PrismaClient) {
  const owner = await createTestUser(db);
  const org = await createTestOrg(db, owner);
  const users = { owner } as Record<TRole, TTestUser>;
  for (const role of ["admin", "reviewer", "developer", "viewer"] as const) {
    users[role] = await createTestUser(db);
    await addTestMember(db, { orgId: org.id, user: users[role], role });
  }

  return { org, users, actor: actorFor(owner, org.id, "owner") };
}

/** Writes the draft of a scope directly (the policy router's own tests cover updateDraft). */
export async function setDraft(db: PrismaClient, { orgId, scope = "default", document }: { orgId: string; scope?: string; document: unknown }) {
  return db.policy.upsert({
    where: { orgId_scope: { orgId, scope } },
    create: { orgId, scope, name: scope, draftDocument: document as Prisma.InputJsonValue, draftVersion: 1 },
    update: { draftDocument: document as Prisma.InputJsonValue, draftVersion: { increment: 1 } },
  });
}

/** Adds a published revision (number = last + 1) to a scope. */
export async function addRevision(db: PrismaClient, { orgId, scope = "default", document, status = "published" }: { orgId: string; scope?: string; document: unknown; status?: "published" | "pending_approval" }) {
  const policy = await db.policy.upsert({ where: { orgId_scope: { orgId, scope } }, create: { orgId, scope, name: scope }, update: {} });
  const last = await db.policyRevision.findFirst({ where: { policyId: policy.id }, orderBy: { number: "desc" } });

  return db.policyRevision.create({
    data: {
      orgId,
      policyId: policy.id,
      number: (last?.number ?? 0) + 1,
      document: document as Prisma.InputJsonValue,
      digest: createHash("sha256").update(JSON.stringify(document)).digest("hex"),
      status,
      publishedAt: status === "published" ? new Date() : null,
    },
  });
}

/** An enrolled device of a scope. */
export async function createDevice(db: PrismaClient, { orgId, scope = "default", name }: { orgId: string; scope?: string; name?: string }) {
  const policy = await db.policy.findUnique({ where: { orgId_scope: { orgId, scope } } });

  return db.device.create({ data: { orgId, scope, policyId: policy?.id ?? null, name: name ?? uniqueId("dev"), credentialHash: uniqueId("cred") } });
}

type TEventSeed = { deviceId: string; orgId: string; tool: string; kind: string; destination?: string | null; decision?: string; rule?: string; userName?: string; agent?: string; daysAgo?: number; count?: number };

/** Recorded decision events (what devices upload), `count` copies each. */
export async function seedEvents(db: PrismaClient, seeds: TEventSeed[]) {
  const rows = seeds.flatMap((s) =>
    Array.from({ length: s.count ?? 1 }, () => ({
      orgId: s.orgId,
      deviceId: s.deviceId,
      eventId: uniqueId("ev"),
      occurredAt: new Date(Date.now() - (s.daysAgo ?? 1) * 86_400_000),
      type: s.decision === "deny" || s.decision === undefined ? "egress_block" : "egress_decision",
      decision: s.decision ?? "deny",
      agent: s.agent ?? "claude-code",
      tool: s.tool,
      kind: s.kind,
      destination: s.destination ?? null,
      groupKey: s.destination ?? s.tool,
      rule: s.rule ?? null,
      userName: s.userName ?? null,
    })),
  );
  await db.blockEvent.createMany({ data: rows });
}

/** A claude-code WebFetch hook input. */
export const webFetch = (url: string) => JSON.stringify({ hook_event_name: "PreToolUse", tool_name: "WebFetch", tool_input: { url, prompt: "read" }, cwd: "/tmp" });
