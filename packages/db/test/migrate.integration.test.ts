import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMigrations, migrateDatabase } from "../src/migrate";
import { createTestDatabase, TEST_DB_KIND, type TTestDatabase } from "../src/testing";
import { seedMembership, seedOrg, seedUser } from "../src/seed";

describe(`database on ${TEST_DB_KIND}`, () => {
  let db: TTestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it("applies every migration once and records it like prisma migrate deploy", async () => {
    const rows = await db.driver.query<{ migration_name: string; checksum: string }>(`SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(loadMigrations().map((m) => m.name));
    const again = await migrateDatabase({ driver: db.driver });
    expect(again.applied).toEqual([]);
  });

  it("refuses to start when an applied migration was edited", async () => {
    const edited = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrateDatabase({ driver: db.driver, migrations: edited })).rejects.toThrow(/was modified after it was applied/);
  });

  it("rolls back a failing migration and reports it", async () => {
    const bad = [...loadMigrations(), { name: "29990101000000_bad", sql: 'CREATE TABLE "x_ok" (id int); SELECT * FROM "no_such_table";', checksum: "f".repeat(64) }];
    await expect(migrateDatabase({ driver: db.driver, migrations: bad })).rejects.toThrow(/29990101000000_bad.*failed/);
    const tables = await db.driver.query(`SELECT to_regclass('"x_ok"') AS t`);
    expect(tables[0]).toEqual({ t: null });
  });

  it("enforces one membership per user and org through the real client", async () => {
    const user = await seedUser(db.prisma);
    const org = await seedOrg(db.prisma);
    await seedMembership(db.prisma, { userId: user.id, orgId: org.id, role: "owner" });
    await expect(seedMembership(db.prisma, { userId: user.id, orgId: org.id, role: "viewer" })).rejects.toThrow();
  });
});
