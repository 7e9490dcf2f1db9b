import { describe, expect, it } from "vitest";
import { checkSameOrigin, normalizeOrigin } from "./same-origin";

const allowedOrigins = ["https://console.example.com"];
const check = (init: Record<string, string>) => checkSameOrigin({ headers: new Headers(init), allowedOrigins });

describe("checkSameOrigin", () => {
  it("allows the console's own origin", () => {
    expect(check({ origin: "https://console.example.com", "sec-fetch-site": "same-origin" })).toEqual({ isAllowed: true });
  });

  it("treats default ports and case as the same origin", () => {
    expect(check({ origin: "HTTPS://Console.Example.com:443" })).toEqual({ isAllowed: true });
  });

  it("refuses another site even when Sec-Fetch-Site is missing", () => {
    const result = check({ origin: "https://evil.example.net" });
    expect(result.isAllowed).toBe(false);
    expect(!result.isAllowed && result.reason).toBe("cross-origin request refused: `https://evil.example.net`");
  });

  it("refuses a cross-site or same-site fetch whatever Origin says", () => {
    expect(check({ origin: "https://console.example.com", "sec-fetch-site": "cross-site" }).isAllowed).toBe(false);
    expect(check({ "sec-fetch-site": "same-site" }).isAllowed).toBe(false);
  });

  it("refuses an opaque `null` origin (sandboxed frames, data: URLs)", () => {
    expect(check({ origin: "null" }).isAllowed).toBe(false);
  });

  it("refuses a different port or scheme on the same host", () => {
    expect(check({ origin: "http://console.example.com" }).isAllowed).toBe(false);
    expect(check({ origin: "https://console.example.com:8443" }).isAllowed).toBe(false);
  });

  it("lets non-browser clients without Origin through (they still need to authenticate)", () => {
    expect(check({ authorization: "Bearer x" })).toEqual({ isAllowed: true });
  });
});

describe("normalizeOrigin", () => {
  it("rejects non-http schemes", () => {
    expect(normalizeOrigin("javascript:alert(1)")).toBeNull();
    expect(normalizeOrigin("file:///etc/passwd")).toBeNull();
  });
});
