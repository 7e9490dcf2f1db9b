// Public surface of @egress/api for the console (route handlers, auth wiring, RSC) and scripts.

export { appRouter, createCaller, type AppRouter } from "./root";
export { createTRPCContext, type TActor, type TContext, type TSessionUser } from "./trpc";

// auth (sign-in pages, next-auth callbacks)
export { verifyPasswordSignIn, type TPasswordSignInResult, type TSignInUser } from "./services/auth/verify-password-sign-in";
export { findOrProvisionOidcUser, type TOidcSignInResult } from "./services/auth/find-or-provision-oidc-user";
export { getSessionUser } from "./services/auth/get-session-user";
export { signOutEverywhere } from "./services/auth/sign-out-everywhere";
export { assertPasswordPolicy, generatePassword, hashPassword, normalizeEmail, PASSWORD_MIN_LENGTH } from "./services/auth/password";
export { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS } from "./services/auth/login-throttle";

// members and invites
export { acceptInvite, type TAcceptInviteResult } from "./services/members/accept-invite";
export { inviteMember, type TInviteMemberInput, type TInviteMemberResult } from "./services/members/invite-member";
export { changeMemberRole } from "./services/members/change-member-role";
export { removeMember } from "./services/members/remove-member";
export { findMembers } from "./services/members/find-members";
export { INVITE_TTL_DAYS, type TMember } from "./services/members/member-schemas";

// organizations
export { createOrganization, type TCreatorActor } from "./services/orgs/create-organization";
export { listMyOrganizations, type TMyOrganization } from "./services/orgs/list-my-organizations";
export { getOrganization } from "./services/orgs/get-organization";
export { updateOrgSettings } from "./services/orgs/update-org-settings";
export { findAuditEvents } from "./services/orgs/find-audit-events";
export { type TOrganization } from "./services/orgs/org-schemas";

// API tokens (admin REST API authentication)
export { authenticateApiToken, type TApiTokenPrincipal } from "./services/api-tokens/authenticate-api-token";
export { createApiToken } from "./services/api-tokens/create-api-token";
export { listApiTokens } from "./services/api-tokens/list-api-tokens";
export { revokeApiToken } from "./services/api-tokens/revoke-api-token";

// first run and operator command
export { bootstrapFirstRun, getConsoleUrl, DEMO_ORG, DEFAULT_ADMIN_EMAIL, type TBootstrapResult } from "./services/bootstrap/bootstrap-first-run";
export { runAdminCommand, ADMIN_USAGE } from "./services/admin-cli/run-admin-command";

// signing keys and snapshot freshness (console start-up)
export { getKek } from "./services/keys/kek";
export { startResignLoop } from "./services/publish/start-resign-loop";
