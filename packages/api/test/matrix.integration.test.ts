import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type TRole } from "@egress/contracts";
import type { TTestDatabase } from "@egress/db/testing";
import { appRouter } from "../src/root";
import { addTestMember, callerFor, createTestOrg, createTestUser, openTestDatabase, TEST_KEK, uniqueId } from "./helpers";
import { MATRIX_CASES } from "./matrix/cases";
import type { TMatrixCaller, TMatrixCase, TMatrixFixture, TMatrixOutcome } from "./matrix/types";

const PROCEDURES = Object.keys(appRouter._def.procedures).sort();
const CALLERS: TMatrixCaller[] = [...ROLES, "outsider", "anonymous"];

let database: TTestDatabase;
let fixture: TMatrixFixture;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.prisma;
  const owner = await createTestUser(db);
  const org = await createTestOrg(db, owner);
  const ownerMembership = await db.membership.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } });
  const users = { owner: { ...owner, membershipId: ownerMembership.id } } as TMatrixFixture["users"];
  for (const role of ROLES.filter((r) => r !== "owner")) {
    const user = await createTestUser(db);
    users[role] = { ...user, membershipId: await addTestMember(db, { orgId: org.id, user, role }) };
  }
  const outsider = await createTestUser(db);
  const otherOrg = await createTestOrg(db, outsider);
  fixture = {
    db,
    kek: TEST_KEK,
    org: { id: org.id, slug: org.slug },
    otherOrg: { id: otherOrg.id, slug: otherOrg.slug },
    users,
    outsider,
    unique: (prefix = "x") => uniqueId(prefix),
    addMember: async (role: TRole) => {
      const user = await createTestUser(db);

      return { user, membershipId: await addTestMember(db, { orgId: org.id, user, role }) };
    },
  };
});

afterAll(async () => {
  await database.close();
});

function expectedOutcome(row: TMatrixCase, caller: TMatrixCaller): TMatrixOutcome {
  if (caller === "anonymous") return row.anonymous ?? "UNAUTHORIZED";
  if (caller === "outsider") return row.outsider ?? (row.scope === "user" ? "allow" : "NOT_FOUND");

  return row.expected[caller];
}

async function call(path: string, caller: TMatrixCaller, input: unknown): Promise<TMatrixOutcome | `unexpected: ${string}`> {
  const user = caller === "anonymous" ? null : caller === "outsider" ? fixture.outsider : fixture.users[caller];
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], callerFor(fixture.db, user, fixture.org.id));
  try {
    await (procedure as (input: unknown) => Promise<unknown>)(input);

    return "allow";
  } catch (error) {
    if (error instanceof TRPCError && ["FORBIDDEN", "NOT_FOUND", "UNAUTHORIZED"].includes(error.code)) return error.code as TMatrixOutcome;

    return `unexpected: ${error instanceof TRPCError ? error.code : "error"}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

describe("role × procedure matrix", () => {
  it("has exactly one row for every procedure of appRouter", () => {
    const rows = Object.keys(MATRIX_CASES).sort();
    expect(PROCEDURES.filter((p) => !rows.includes(p)), "procedures without a matrix row in test/matrix/cases*.ts").toEqual([]);
    expect(rows.filter((r) => !PROCEDURES.includes(r)), "matrix rows for procedures that do not exist").toEqual([]);
  });

  describe.each(PROCEDURES)("%s", (path) => {
    it.each(CALLERS)("as %s", async (caller) => {
      const row = MATRIX_CASES[path];
      expect(row, `no matrix row for ${path}`).toBeDefined();
      if (!row) return;
      const input = await row.input(fixture, caller);

      expect(await call(path, caller, input)).toBe(expectedOutcome(row, caller));
    });
  });
});
