/**
 * The client IP for sign-in throttling. Only behind a reverse proxy you control
 * (`EGRESS_TRUST_PROXY=1`) is `X-Forwarded-For` meaningful: its right-most entry is the address
 * that proxy saw. Without one, the header is whatever the client sent, so it is ignored and
 * throttling counts per e-mail only.
 */
export function getClientIp({ forwardedFor, isProxyTrusted }: { forwardedFor: string | null | undefined; isProxyTrusted: boolean }): string | null {
  if (!isProxyTrusted || !forwardedFor) return null;
  const hops = forwardedFor
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const last = hops.at(-1);

  return last && last.length <= 64 ? last : null;
}
