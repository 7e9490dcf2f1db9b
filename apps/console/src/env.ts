import { z } from "zod";

/**
 * The console's environment: the only module that reads `process.env`. Parsed lazily on first use
 * so that `next build` does not need run-time secrets; a bad value fails the first request (and the
 * start-up in `instrumentation.ts`) with a message naming the variable.
 */
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

export const ZConsoleEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    NEXTAUTH_URL: z.url({ protocol: /^https?$/ }),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
    /** Absolute session lifetime in seconds (default 8 hours). */
    EGRESS_SESSION_MAX_AGE: z.coerce.number().int().min(60).max(30 * 24 * 3600).default(8 * 3600),
    DATABASE_URL: optionalString,
    DB_DRIVER: z.enum(["pglite", "pg"]).optional(),
    PGLITE_DIR: optionalString,
    EGRESS_KEK: optionalString,
    EGRESS_ADMIN_EMAIL: optionalString,
    EGRESS_ADMIN_PASSWORD: optionalString,
    /** How often the re-sign loop renews snapshots that are close to expiry. */
    EGRESS_RESIGN_INTERVAL_MS: z.coerce.number().int().min(1000).default(10 * 60 * 1000),
    /** Trust the left-most `X-Forwarded-For` (set only behind a proxy you control). */
    EGRESS_TRUST_PROXY: z
      .enum(["0", "1", "true", "false"])
      .default("false")
      .transform((value) => value === "1" || value === "true"),
    OIDC_ISSUER: optionalString,
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_NAME: z.string().min(1).max(64).default("Single sign-on"),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    const setCount = oidc.filter(Boolean).length;
    if (setCount > 0 && setCount < 3) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none" });
    }
    if (env.OIDC_ISSUER && !URL.canParse(env.OIDC_ISSUER)) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "must be a URL" });
    }
  });

export type TConsoleEnv = z.infer<typeof ZConsoleEnvSchema>;

/** The OIDC provider settings, when all three variables are set. */
export type TOidcConfig = { issuer: string; clientId: string; clientSecret: string; name: string };

/** Parses an environment record; throws one error listing every bad variable (values are never echoed). */
export function parseConsoleEnv(source: Record<string, string | undefined>): TConsoleEnv {
  const result = ZConsoleEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `\`${issue.path.join(".") || "env"}\` ${issue.message}`);
    throw new Error(`invalid console environment: ${problems.join("; ")}`);
  }

  return result.data;
}

let cached: TConsoleEnv | undefined;

/** The validated environment of this process. */
export function getEnv(): TConsoleEnv {
  cached ??= parseConsoleEnv(process.env);

  return cached;
}

/** OIDC sign-in is enabled only when issuer, client id and secret are all set. */
export function getOidcConfig(env: TConsoleEnv = getEnv()): TOidcConfig | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;

  return { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, name: env.OIDC_NAME };
}

/** Database settings for `@egress/db` (PostgreSQL URL or PGlite directory). */
export function getDatabaseConfig(env: TConsoleEnv = getEnv()) {
  return { databaseUrl: env.DB_DRIVER === "pglite" ? undefined : env.DATABASE_URL, pgliteDir: env.PGLITE_DIR };
}

/** The raw process environment, for services that take `env` (first-run bootstrap, key encryption). */
export function getProcessEnv(): NodeJS.ProcessEnv {
  return process.env;
}

/** Development build (`next dev`): React's tooling needs `eval`. A compile-time constant in Next. */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}
