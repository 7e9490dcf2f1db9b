import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { AppError } from "@egress/contracts";
import { closeDatabase, configFromEnv, defaultPgliteDir, embeddedDatabaseOwner, getDatabase, isServerUrl, type PrismaClient } from "@egress/db";
import { UsageError, type TAdminContext, type TAdminResult } from "./admin-context";
import { runAddMember, runCreateApiToken, runCreateOrg, runListOrgs } from "./org-commands";
import { runCreateUser, runListUsers } from "./user-commands";

export const ADMIN_USAGE = `usage: npm run admin -- <command> [options] [--json]

commands:
  create-user       --email <e-mail> --name <name> [--password <password>]
  create-org        --slug <slug> --name <name> [--owner-email <e-mail>]
  add-member        --org <slug> --email <e-mail> --role <owner|admin|reviewer|developer|viewer>
  create-api-token  --org <slug> --name <name> [--role admin] [--expires-days <n>]
  list-orgs
  list-users

The database is the console's: DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded, default .data/pglite).
With the embedded database, stop the console first: one process at a time may open it.`;

const COMMANDS: Record<string, (ctx: TAdminContext, values: Record<string, unknown>) => Promise<TAdminResult>> = {
  "create-user": runCreateUser,
  "create-org": runCreateOrg,
  "add-member": runAddMember,
  "create-api-token": runCreateApiToken,
  "list-orgs": runListOrgs,
  "list-users": runListUsers,
};

const OPTIONS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  email: { type: "string" },
  name: { type: "string" },
  password: { type: "string" },
  slug: { type: "string" },
  "owner-email": { type: "string" },
  org: { type: "string" },
  role: { type: "string" },
  "expires-days": { type: "string" },
} as const;

type TRunOptions = { argv: string[]; env: NodeJS.ProcessEnv; out?: (text: string) => void; err?: (text: string) => void; db?: PrismaClient };

/** Refuses to open an embedded database another process (the console) holds open. */
function assertEmbeddedDatabaseFree(env: NodeJS.ProcessEnv): void {
  const config = configFromEnv(env);
  if (isServerUrl(config.databaseUrl)) return;
  const dir = config.pgliteDir ?? defaultPgliteDir();
  if (dir.includes("://") || !existsSync(path.join(dir, "postmaster.pid"))) return;
  // A postmaster.pid without a live owner is left by a console that did not stop cleanly; PGlite
  // recovers such a directory, so only a live owner blocks the command.
  const owner = embeddedDatabaseOwner(dir);
  if (owner === undefined) return;

  throw new AppError("CONFLICT", `the embedded database \`${dir}\` is in use by process ${owner} (the console?): stop it and run the command again`);
}

/**
 * The operator command: parses `argv`, runs one command against the console's database with
 * system-actor audit events, prints text or `--json`, and returns the exit code (0 ok, 1 error,
 * 2 usage). Never prints a stack trace.
 */
export async function runAdminCommand({ argv, env, out = (t) => process.stdout.write(`${t}\n`), err = (t) => process.stderr.write(`${t}\n`), db }: TRunOptions): Promise<number> {
  let json = argv.includes("--json");
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    json = values.json === true;
    const [name, ...extra] = positionals;
    if (values.help || !name) {
      out(ADMIN_USAGE);

      return values.help ? 0 : 2;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command \`${name}\``);
    if (extra.length > 0) throw new UsageError(`unexpected argument \`${extra[0] ?? ""}\``);
    if (!db) assertEmbeddedDatabaseFree(env);
    const prisma = db ?? (await getDatabase(configFromEnv(env))).prisma;
    const result = await command({ db: prisma, env, out }, values);
    out(json ? JSON.stringify(result.json, null, 2) : result.text.join("\n"));

    return 0;
  } catch (error) {
    const isUsage = error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"));
    const detail = error instanceof Error ? error.message : String(error);
    const message = error instanceof AppError || isUsage ? detail : `internal error: ${detail.split("\n")[0] ?? ""}`;
    const code = error instanceof AppError ? error.code : isUsage ? "USAGE" : "INTERNAL";
    err(json ? JSON.stringify({ error: { code, message } }) : `error: ${message}${isUsage ? "\n\n" + ADMIN_USAGE : ""}`);

    return isUsage ? 2 : 1;
  } finally {
    if (!db) await closeDatabase();
  }
}
