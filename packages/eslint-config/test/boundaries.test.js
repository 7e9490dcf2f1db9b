// The import-boundary rules of ARCHITECTURE §2: a forbidden import must fail lint, an allowed one must not.
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { boundary } from "../boundaries.js";

async function lint(name, code) {
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, boundary(name, ["**/*.ts"])],
  });
  const [result] = await eslint.lintText(code, { filePath: "src/probe.ts" });

  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import boundaries", () => {
  it.each([
    ["policy", 'import fs from "node:fs";', /pure: no node built-ins/],
    ["policy", 'import { can } from "@egress/contracts";', /imports nothing from the workspace/],
    ["cli", 'import { getDatabase } from "@egress/db";', /talks to the console over \/api\/v1/],
    ["cli", 'import { signSnapshot } from "@egress/snapshot/sign";', /snapshot\/verify/],
    ["db", 'import { can } from "@egress/contracts";', /depends on nothing above it/],
    ["api", 'import { NextResponse } from "next/server";', /no dependency on next/],
    ["consoleClient", 'import { appRouter } from "@egress/api";', /only src\/server/],
    ["e2e", 'import { publishPolicy } from "@egress/api";', /never import api internals/],
  ])("%s: `%s` fails lint", async (name, code, message) => {
    const messages = await lint(name, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    ["policy", 'import { z } from "zod";'],
    ["cli", 'import { verifySnapshot } from "@egress/snapshot/verify";'],
    ["api", 'import { getDatabase } from "@egress/db";'],
  ])("%s: `%s` is allowed", async (name, code) => {
    expect(await lint(name, code)).toEqual([]);
  });
});
