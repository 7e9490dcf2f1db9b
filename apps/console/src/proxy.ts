import { NextResponse, type NextRequest } from "next/server";
import { isDevelopment } from "./env";
import { buildContentSecurityPolicy, createNonce } from "./server/security/csp";

/**
 * Runs before every page and API request: a fresh CSP nonce per request. Next reads the nonce
 * from the request-side `Content-Security-Policy` header and puts it on its own scripts. The
 * static security headers come from `next.config.ts`; authentication is checked server-side.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = buildContentSecurityPolicy({ nonce, isDevelopment: isDevelopment() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);

  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
