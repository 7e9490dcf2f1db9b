// Prisma 6.19 CLI config (generate, migrate diff/deploy/status). The "js" engine runs the
// schema engine as WASM through a driver adapter, so no native engine is ever downloaded.
// Workarounds recorded in shared/reference/stack-recipe.md (E2–E12) are marked GOTCHA.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

// GOTCHA E3: the wasm schema engine reads catalog columns of type `name` (19) and `"char"` (18),
// which @prisma/adapter-pg 6.19 cannot map. Report both as text. CLI only.
type Fields = { dataTypeID: number }[];
const resultProto = pg.Result.prototype as unknown as { addFields(f: Fields): void };
const origAddFields = resultProto.addFields;
resultProto.addFields = function (fields: Fields) {
  for (const f of fields) if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25;
  origAddFields.call(this, fields);
};

// GOTCHA E2: an empty DATABASE_URL makes even `prisma generate` try to download an engine.
const DATABASE_URL = process.env.DATABASE_URL;
process.env.DATABASE_URL ||= "postgresql://unused@localhost:5432/unused";

const isServerUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

// GOTCHA E8: the CLI calls adapter() more than once; two PGlite instances on one dir corrupt it.
let adapterOnce: Promise<PrismaPg | PrismaPGlite> | undefined;

async function makeAdapter() {
  if (process.env.DB_DRIVER !== "pglite" && isServerUrl(DATABASE_URL)) {
    // GOTCHA E9/E10: discrete fields (so the shadow DB gets its own name) and quick idle exit.
    const u = new URL(DATABASE_URL);

    return new PrismaPg({
      host: u.hostname,
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: u.pathname.slice(1),
      allowExitOnIdle: true,
      idleTimeoutMillis: 200,
    });
  }
  const dir = process.env.PGLITE_DIR ?? path.resolve(import.meta.dirname, "../../.data/pglite");
  if (!dir.includes("://")) mkdirSync(dir, { recursive: true });
  const db = new PGlite(dir);
  // GOTCHA E5: PGlite's emscripten timer keeps the CLI alive; unref it and close on exit.
  const orig = globalThis.setTimeout;
  globalThis.setTimeout = function (this: unknown, ...args: Parameters<typeof orig>) {
    const t = orig.apply(this, args);
    if (new Error().stack?.includes("@electric-sql/pglite")) t.unref();

    return t;
  } as typeof setTimeout;
  process.on("beforeExit", () => {
    const hold = setInterval(() => undefined, 1000);
    void db.close().finally(() => clearInterval(hold));
  });

  return new PrismaPGlite(db);
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("..", "..", "prisma", "schema.prisma"),
  migrations: { path: path.join("..", "..", "prisma", "migrations") },
  adapter: () => (adapterOnce ??= makeAdapter()),
});
