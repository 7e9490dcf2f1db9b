/** The outcome of a same-origin check: allowed, or refused with a reason safe to show. */
export type TSameOriginResult = { isAllowed: true } | { isAllowed: false; reason: string };

/**
 * Whether a state-changing request comes from the console's own pages. Browsers send
 * `Sec-Fetch-Site` and `Origin` on every POST; a request from another site (CSRF) is refused.
 * A request with neither header is not from a browser (CLI, scripts) and cannot carry a victim's
 * cookies by accident, so it passes; authentication still applies to it.
 */
export function checkSameOrigin({ headers, allowedOrigins }: { headers: Headers; allowedOrigins: readonly string[] }): TSameOriginResult {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    return { isAllowed: false, reason: `cross-site request refused: \`sec-fetch-site: ${fetchSite}\`` };
  }
  const origin = headers.get("origin");
  if (origin === null) return { isAllowed: true };
  const normalized = normalizeOrigin(origin);
  if (!normalized || !allowedOrigins.some((allowed) => normalizeOrigin(allowed) === normalized)) {
    return { isAllowed: false, reason: `cross-origin request refused: \`${origin.slice(0, 200)}\`` };
  }

  return { isAllowed: true };
}

/** `scheme://host[:port]` in lower case with default ports dropped, or null for `null` / garbage. */
export function normalizeOrigin(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;

  return url.origin.toLowerCase();
}
