import { expect, test } from "vitest";

import { scopePermissionProblem } from "../../src/install/context";

test("managed scope needs uid 0; user and project scopes do not", () => {
  expect(scopePermissionProblem({ scope: "managed", uid: 1000 })).toContain("needs root");
  expect(scopePermissionProblem({ scope: "managed", uid: 0 })).toBeUndefined();
  expect(scopePermissionProblem({ scope: "user", uid: 1000 })).toBeUndefined();
  expect(scopePermissionProblem({ scope: "project", uid: 1000 })).toBeUndefined();
});
