import { describe, expect, it } from "vitest";
import { can, canManageRole, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from "../src/permissions";

describe("permission table", () => {
  it("gives owners every permission and viewers no write permission", () => {
    for (const p of PERMISSIONS) expect(can("owner", p)).toBe(true);
    const writes = PERMISSIONS.filter((p) => !p.endsWith(".read"));
    for (const p of writes) expect(can("viewer", p), p).toBe(false);
  });

  it("lets reviewers decide requests but not change policy or keys", () => {
    expect(can("reviewer", "requests.decide")).toBe(true);
    expect(can("reviewer", "policy.publish")).toBe(false);
    expect(can("reviewer", "keys.manage")).toBe(false);
  });

  it("does not let developers approve requests", () => {
    expect(can("developer", "requests.decide")).toBe(false);
    expect(can("developer", "requests.create")).toBe(true);
  });

  it("denies a missing role", () => {
    expect(can(undefined, "org.read")).toBe(false);
  });

  it("only lets owners manage owners", () => {
    expect(canManageRole("admin", "owner")).toBe(false);
    expect(canManageRole("owner", "owner")).toBe(true);
    expect(canManageRole("admin", "developer")).toBe(true);
    expect(canManageRole("reviewer", "viewer")).toBe(false);
  });

  it("has an entry for every role", () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });
});
