import { describe, expect, it } from "vitest";
import { isSessionExpired } from "./session-lifetime";

const HOUR = 3600;

describe("isSessionExpired", () => {
  it("keeps a session inside its lifetime", () => {
    expect(isSessionExpired({ authTime: 1_000_000, now: 1_000_000 + 7 * HOUR, maxAgeSeconds: 8 * HOUR })).toBe(false);
  });

  it("ends a session past its lifetime however recently it was used", () => {
    expect(isSessionExpired({ authTime: 1_000_000, now: 1_000_000 + 8 * HOUR + 1, maxAgeSeconds: 8 * HOUR })).toBe(true);
  });

  it("fails closed without an issue time, or with one in the future", () => {
    expect(isSessionExpired({ authTime: undefined, now: 1_000_000, maxAgeSeconds: 8 * HOUR })).toBe(true);
    expect(isSessionExpired({ authTime: 1_000_000 + HOUR, now: 1_000_000, maxAgeSeconds: 8 * HOUR })).toBe(true);
  });
});
