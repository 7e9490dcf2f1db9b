import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce } from "./csp";

describe("buildContentSecurityPolicy", () => {
  it("allows scripts only with the nonce and forbids framing", () => {
    const csp = buildContentSecurityPolicy({ nonce: "abc", isDevelopment: false });
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("allows eval only in development (React's dev tooling needs it)", () => {
    expect(buildContentSecurityPolicy({ nonce: "abc", isDevelopment: true })).toContain("'unsafe-eval'");
  });
});

describe("createNonce", () => {
  it("is random for every call", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    expect(nonces.size).toBe(50);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
