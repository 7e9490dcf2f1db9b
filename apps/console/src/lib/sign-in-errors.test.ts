import { describe, expect, it } from "vitest";
import { describeSignInError } from "./sign-in-errors";

describe("describeSignInError", () => {
  it("explains an uninvited single sign-on user", () => {
    expect(describeSignInError("OidcNotInvited")).toContain("ask an admin to invite you");
  });

  it("never shows attacker-chosen text from the URL", () => {
    expect(describeSignInError("Call 555-0100 to unlock your account")).toBe("sign-in failed: try again");
  });

  it("shows nothing without an error", () => {
    expect(describeSignInError(undefined)).toBeNull();
  });
});
