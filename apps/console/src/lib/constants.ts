/** Cookie that keeps the active organization (an id; membership is checked on the server). */
export const ACTIVE_ORG_COOKIE = "egress-org";

/** Header that names the active organization on tRPC requests. */
export const ORG_HEADER = "x-egress-org";
