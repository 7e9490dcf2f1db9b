import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@egress/db";

export { addMember, enrollDevice, publishDocument, policyWith, setupOrg, TEST_KEK } from "../fleet/fleet-helpers";

/** A device row of `orgId` (owner optional), as enrollment would leave it. */
export async function createDevice(db: PrismaClient, orgId: string, opts: { name?: string; ownerUserId?: string; scope?: string } = {}) {
  return db.device.create({
    data: { orgId, name: opts.name ?? `dev-${randomBytes(3).toString("hex")}`, scope: opts.scope ?? "default", ownerUserId: opts.ownerUserId ?? null, credentialHash: randomBytes(32).toString("hex") },
  });
}

type TSeedEvent = {
  deviceId: string;
  destination?: string | null;
  groupKey?: string;
  type?: string;
  decision?: string;
  agent?: string;
  tool?: string;
  rule?: string;
  reason?: string;
  excerpt?: string;
  userName?: string | null;
  occurredAt?: Date;
  /** Seconds before now the server received it (default 60: past the aggregation lag). */
  receivedAgo?: number;
};

/** Inserts events as ingest stores them (already redacted), received `receivedAgo` seconds ago. */
export async function seedEvents(db: PrismaClient, orgId: string, events: TSeedEvent[]) {
  await db.blockEvent.createMany({
    data: events.map((e) => ({
      orgId,
      deviceId: e.deviceId,
      eventId: randomBytes(13).toString("hex").toUpperCase().slice(0, 26),
      occurredAt: e.occurredAt ?? new Date(Date.now() - 120_000),
      receivedAt: new Date(Date.now() - (e.receivedAgo ?? 60) * 1000),
      type: e.type ?? "egress_block",
      decision: e.decision ?? "deny",
      agent: e.agent ?? "claude-code",
      tool: e.tool ?? "Bash",
      kind: "shell",
      destination: e.destination === undefined ? "new.example.com" : e.destination,
      groupKey: e.groupKey ?? e.destination ?? "new.example.com",
      rule: e.rule ?? "hosts.not_allowed",
      reason: e.reason ?? "`new.example.com` is not on the allow-list",
      excerpt: e.excerpt ?? "curl https://new.example.com",
      userName: e.userName === undefined ? "alice" : e.userName,
    })),
  });
}
