import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@egress/db";
import type { TTestDatabase } from "@egress/db/testing";
import { findOrProvisionOidcUser } from "../src/services/auth/find-or-provision-oidc-user";
import { getSessionUser } from "../src/services/auth/get-session-user";
import { LOGIN_MAX_FAILURES } from "../src/services/auth/login-throttle";
import { hashPassword } from "../src/services/auth/password";
import { signOutEverywhere } from "../src/services/auth/sign-out-everywhere";
import { verifyPasswordSignIn } from "../src/services/auth/verify-password-sign-in";
import { createTestUser, openTestDatabase, uniqueId } from "./helpers";

let database: TTestDatabase;
let db: PrismaClient;
const PASSWORD = "a long enough password";
let passwordHash: string;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.prisma;
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  await database.close();
});

const minutes = (n: number) => n * 60_000;

describe("password sign-in", () => {
  it("accepts the right password (e-mail case-insensitive) and refuses a wrong one without saying which part was wrong", async () => {
    const user = await createTestUser(db, { passwordHash });
    expect(await verifyPasswordSignIn({ db, email: user.email.toUpperCase(), password: PASSWORD, ip: "10.0.0.1" })).toMatchObject({ status: "ok", user: { id: user.id } });
    const wrong = await verifyPasswordSignIn({ db, email: user.email, password: "not the password", ip: "10.0.0.1" });
    const unknown = await verifyPasswordSignIn({ db, email: `${uniqueId()}@example.test`, password: PASSWORD, ip: "10.0.0.1" });
    expect(wrong).toEqual({ status: "invalid", message: "invalid e-mail or password" });
    expect(unknown).toEqual(wrong);
  });

  it(`locks an e-mail after ${LOGIN_MAX_FAILURES} failures, says when to retry, and refuses the right password until the window passes`, async () => {
    const user = await createTestUser(db, { passwordHash });
    const t0 = new Date();
    const results = [];
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      results.push(await verifyPasswordSignIn({ db, email: user.email, password: `wrong ${i}`, ip: `10.1.0.${i}`, now: new Date(t0.getTime() + i * 1000) }));
    }
    expect(results.slice(0, -1).map((r) => r.status)).toEqual(Array(LOGIN_MAX_FAILURES - 1).fill("invalid"));
    expect(results.at(-1)).toMatchObject({ status: "rate_limited", message: "too many sign-in attempts: try again in 15 minutes" });

    const threeMinutesLater = new Date(t0.getTime() + minutes(3));
    const locked = await verifyPasswordSignIn({ db, email: user.email, password: PASSWORD, ip: "10.2.0.1", now: threeMinutesLater });
    expect(locked).toMatchObject({ status: "rate_limited", message: "too many sign-in attempts: try again in 13 minutes" });

    const afterWindow = new Date(t0.getTime() + minutes(16));
    expect(await verifyPasswordSignIn({ db, email: user.email, password: PASSWORD, ip: "10.2.0.1", now: afterWindow })).toMatchObject({ status: "ok" });
  });

  it("locks an IP that tries many e-mails, without locking those e-mails from elsewhere", async () => {
    const user = await createTestUser(db, { passwordHash });
    const ip = `192.0.2.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await verifyPasswordSignIn({ db, email: `${uniqueId()}@example.test`, password: "guess", ip });
    expect((await verifyPasswordSignIn({ db, email: user.email, password: PASSWORD, ip })).status).toBe("rate_limited");
    expect((await verifyPasswordSignIn({ db, email: user.email, password: PASSWORD, ip: "198.51.100.7" })).status).toBe("ok");
  });

  it("refuses a disabled user only after the right password (no account probing)", async () => {
    const user = await createTestUser(db, { passwordHash });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await verifyPasswordSignIn({ db, email: user.email, password: "wrong password" })).status).toBe("invalid");
    expect(await verifyPasswordSignIn({ db, email: user.email, password: PASSWORD })).toEqual({
      status: "disabled",
      message: "this account is disabled: ask an administrator of your organization",
    });
  });
});

describe("single sign-on (OIDC)", () => {
  const profile = (email: string, overrides: Partial<Parameters<typeof findOrProvisionOidcUser>[0]> = {}) => ({
    db,
    email,
    emailVerified: true,
    name: "Sso Person",
    provider: "oidc",
    providerAccountId: uniqueId("sub"),
    ...overrides,
  });

  it("refuses an e-mail nobody invited, and creates nothing", async () => {
    const email = `${uniqueId()}@example.test`;
    expect(await findOrProvisionOidcUser(profile(email))).toEqual({ status: "refused", reason: `no console account for \`${email}\`: ask an administrator to invite you first` });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses an unverified e-mail even when the user exists (no account takeover)", async () => {
    const user = await createTestUser(db);
    const result = await findOrProvisionOidcUser(profile(user.email, { emailVerified: false }));
    expect(result).toEqual({ status: "refused", reason: `sign-in refused: \`oidc\` has not verified \`${user.email}\`` });
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it("links a verified e-mail to the existing user once, then signs in through the link", async () => {
    const user = await createTestUser(db);
    const p = profile(user.email.toUpperCase());
    expect(await findOrProvisionOidcUser(p)).toMatchObject({ status: "ok", linked: true, user: { id: user.id } });
    // The provider account is now the key, even if the IdP later reports another e-mail.
    expect(await findOrProvisionOidcUser({ ...p, email: "changed@example.test", emailVerified: false })).toMatchObject({ status: "ok", linked: false, user: { id: user.id } });
    expect(await db.account.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses a disabled user, linked or not", async () => {
    const user = await createTestUser(db);
    const p = profile(user.email);
    await findOrProvisionOidcUser(p);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await findOrProvisionOidcUser(p)).status).toBe("refused");
    const other = await createTestUser(db);
    await db.user.update({ where: { id: other.id }, data: { disabledAt: new Date() } });
    expect((await findOrProvisionOidcUser(profile(other.email))).status).toBe("refused");
  });
});

describe("sessions", () => {
  it("sign-out everywhere invalidates sessions carrying the old epoch", async () => {
    const user = await createTestUser(db, { passwordHash });
    const signIn = await verifyPasswordSignIn({ db, email: user.email, password: PASSWORD });
    if (signIn.status !== "ok") throw new Error("sign-in failed");
    const epoch = signIn.user.sessionEpoch;
    expect(await getSessionUser({ db, userId: user.id, sessionEpoch: epoch })).toEqual({ userId: user.id, email: user.email, name: user.name });
    const { sessionEpoch } = await signOutEverywhere({ db, userId: user.id });
    expect(sessionEpoch).toBe(epoch + 1);
    expect(await getSessionUser({ db, userId: user.id, sessionEpoch: epoch })).toBeNull();
    expect(await getSessionUser({ db, userId: user.id, sessionEpoch })).not.toBeNull();
  });

  it("a disabled or deleted user has no session", async () => {
    const user = await createTestUser(db);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await getSessionUser({ db, userId: user.id, sessionEpoch: 0 })).toBeNull();
    expect(await getSessionUser({ db, userId: "does-not-exist", sessionEpoch: 0 })).toBeNull();
  });
});
