import { describe, expect, it } from "vitest";
import { getClientIp } from "./client-ip";

describe("getClientIp", () => {
  it("ignores X-Forwarded-For unless a proxy is trusted (clients can forge it)", () => {
    expect(getClientIp({ forwardedFor: "203.0.113.9", isProxyTrusted: false })).toBeNull();
  });

  it("takes the right-most hop, the one the trusted proxy appended", () => {
    expect(getClientIp({ forwardedFor: "6.6.6.6, 198.51.100.7", isProxyTrusted: true })).toBe("198.51.100.7");
  });

  it("has no IP without the header", () => {
    expect(getClientIp({ forwardedFor: null, isProxyTrusted: true })).toBeNull();
  });
});
