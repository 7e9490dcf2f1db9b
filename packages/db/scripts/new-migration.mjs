// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
// applied migrations and prisma/schema.prisma, using the local PostgreSQL as shadow database.
// Usage: npm run db:migration:new -- add_something
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <snake_case_name>");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "../../..");
const url = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", "--config", "prisma.config.ts", "--from-migrations", path.join(root, "prisma/migrations"),
    "--to-schema-datamodel", path.join(root, "prisma/schema.prisma"), "--script"],
  { cwd: path.resolve(import.meta.dirname, ".."), env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" }, encoding: "utf8" },
);
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.error("schema.prisma and the migrations agree: nothing to create");
  process.exit(1);
}
const dir = path.join(root, "prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`created ${path.relative(root, dir)}/migration.sql`);
