export { PrismaClient, Prisma } from "./generated/prisma/client";
export type * from "./generated/prisma/client";
export { Role, RevisionStatus, KeyKind, RequestStatus, TriageState } from "./generated/prisma/enums";
export { createAdapter, defaultPgliteDir, embeddedDatabaseOwner, findRepoRoot, isServerUrl, type TDatabaseConfig, type TDriver } from "./adapter";
export { closeDatabase, configFromEnv, getDatabase, openDatabase, type TDatabase } from "./client";
export { findMigrationsDir, loadMigrations, migrateDatabase, type TMigration } from "./migrate";
