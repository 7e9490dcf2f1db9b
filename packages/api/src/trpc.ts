/**
 * tRPC bootstrap for the console.
 *
 * 1. CONTEXT — what every procedure sees: the database, the signed-in user (resolved by the host
 *    app, so this package has no dependency on next-auth), the active organization and a request id.
 * 2. INITIALIZATION — superjson, and an error formatter that adds `zodError` (flattened) and
 *    `appError` (code + safe message) and never a stack trace.
 * 3. PROCEDURE TIERS — public, protected (signed in), org (member of the active org) and
 *    permission(perm) (role holds the permission, from the one table in @egress/contracts).
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { AppError, can, type TAppErrorCode, type TPermission, type TRole } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";

// ── 1. CONTEXT ──────────────────────────────────────────────────────

/** The signed-in user as the host app resolved it from its session. */
export type TSessionUser = { userId: string; email: string; name: string | null };

/** Who is acting, in which organization, with which role. Services take this for scoping and audit. */
export type TActor = { userId: string | null; orgId: string; role: TRole; label: string; type: "user" | "api_token" | "device" | "system" };

export type TContext = {
  db: PrismaClient;
  session: TSessionUser | null;
  /** The organization the client asked for (header `x-egress-org`); checked against memberships. */
  requestedOrgId: string | null;
  requestId: string;
};

/** Builds the context; the console passes the session it resolved with next-auth. */
export function createTRPCContext(opts: { db: PrismaClient; session: TSessionUser | null; headers: Headers; requestId?: string }): TContext {
  return {
    db: opts.db,
    session: opts.session,
    requestedOrgId: opts.headers.get("x-egress-org"),
    requestId: opts.requestId ?? crypto.randomUUID(),
  };
}

// ── 2. INITIALIZATION ───────────────────────────────────────────────

const TRPC_CODE: Record<TAppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  DEVICE_REVOKED: "UNAUTHORIZED",
  TOKEN_EXPIRED: "UNAUTHORIZED",
  TOKEN_EXHAUSTED: "UNAUTHORIZED",
  NO_SNAPSHOT: "NOT_FOUND",
  POLICY_INVALID: "UNPROCESSABLE_CONTENT",
  POLICY_TESTS_FAILED: "UNPROCESSABLE_CONTENT",
  LAST_OWNER: "CONFLICT",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

const t = initTRPC.context<TContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const appError = cause instanceof AppError ? { code: cause.code, message: cause.message, details: cause.details ?? null } : null;
    const zodError = cause instanceof z.ZodError ? z.flattenError(cause) : null;
    // INVARIANT: internal errors never reach the client with their message or stack.
    const isInternal = error.code === "INTERNAL_SERVER_ERROR" && !appError;

    return {
      ...shape,
      message: isInternal ? "internal error" : shape.message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, zodError, appError },
    };
  },
});

/** Maps thrown AppErrors to tRPC errors with the same message. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }

  return result;
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;
export const mergeRouters = t.mergeRouters;

// ── 3. PROCEDURE TIERS ──────────────────────────────────────────────

/** Anyone. */
export const publicProcedure = t.procedure.use(appErrors);

/** A signed-in user; narrows `ctx.session` to non-null. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in required" });

  return next({ ctx: { ...ctx, session: ctx.session } });
});

/**
 * A member of the active organization. The active org is the one the client names in
 * `x-egress-org`, else the user's first membership. Naming an org the user does not belong to is
 * NOT_FOUND (other tenants' existence is not revealed).
 */
export const orgProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const membership = ctx.requestedOrgId
    ? await ctx.db.membership.findUnique({ where: { userId_orgId: { userId: ctx.session.userId, orgId: ctx.requestedOrgId } } })
    : await ctx.db.membership.findFirst({ where: { userId: ctx.session.userId }, orderBy: { createdAt: "asc" } });
  if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "organization not found" });
  const actor: TActor = {
    userId: ctx.session.userId,
    orgId: membership.orgId,
    role: membership.role,
    label: ctx.session.email,
    type: "user",
  };

  return next({ ctx: { ...ctx, actor } });
});

/** A member whose role holds `permission`; otherwise FORBIDDEN with the permission named. */
export function permissionProcedure(permission: TPermission) {
  return orgProcedure.use(({ ctx, next }) => {
    if (!can(ctx.actor.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `permission required: ${permission}` });
    }

    return next({ ctx });
  });
}
