/**
 * Operator command: `npm run admin -- <command> [options] [--json]` (see `--help`).
 *
 * Opens the console's database exactly like the console does (DATABASE_URL for PostgreSQL,
 * PGLITE_DIR for the embedded database). The embedded database allows one process at a time:
 * stop the console before running this command against it (the command detects an open
 * database and says so). Exit codes: 0 ok, 1 error, 2 usage.
 */
import { runAdminCommand } from "@egress/api";

process.exitCode = await runAdminCommand({ argv: process.argv.slice(2), env: process.env });
