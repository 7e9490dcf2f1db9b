import { describe, expect, it } from "vitest";

import { compileDlp, DLP_RULE_IDS, redactText, scanText, type TCompiledDlp } from "../../src/dlp";
import { createGen } from "./support/gen";

const g = createGen(7);
const ghp = (): string => `${"gh" + "p_"}${g.an(36)}`;
const customToken = (): string => `acme_${g.hex(32)}`;

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }

  return "";
}

describe("compileDlp", () => {
  it("enables all built-in rules by default, with deny as the default action", () => {
    const dlp = compileDlp();
    expect(dlp.ruleIds).toEqual(DLP_RULE_IDS);
    expect(Object.isFrozen(dlp)).toBe(true);
    expect(scanText(ghp(), dlp)[0]?.action).toBe("deny");
  });

  it("runs only the enabled rules and applies per-rule actions", () => {
    const dlp = compileDlp({ enabled: ["github-pat", "npm-access-token"], actions: { "npm-access-token": "warn" }, defaultAction: "deny" });
    expect(dlp.ruleIds).toEqual(["github-pat", "npm-access-token"]);
    const findings = scanText(`${ghp()} npm_${g.an(36)} AKIA${g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}`, dlp);
    expect(findings.map((f) => [f.ruleId, f.action])).toEqual([
      ["github-pat", "deny"],
      ["npm-access-token", "warn"],
    ]);
  });

  it("compiles custom patterns with keywords, (?i) and descriptions", () => {
    const dlp = compileDlp({
      enabled: [],
      custom: [{ id: "acme-internal-token", pattern: String.raw`\bacme_[0-9a-f]{32}\b`, keywords: ["ACME_"], description: "internal" }],
      actions: { "acme-internal-token": "warn" },
    });
    const token = customToken();
    const [finding] = scanText(`x=${token}`, dlp);
    expect(finding).toMatchObject({ ruleId: "acme-internal-token", start: 2, end: 2 + token.length, action: "warn" });
    expect(redactText(`x=${token}`, dlp)).toMatch(/^x=\[REDACTED:acme-internal-token:[0-9a-f]{16}\]$/);
    const insensitive = compileDlp({ enabled: [], custom: [{ id: "acme-ci", pattern: String.raw`(?i)\bACME_[0-9a-f]{32}\b` }] });
    expect(scanText(token.toUpperCase().replace("ACME_", "acme_"), insensitive)).toHaveLength(1);
  });

  it("rejects unknown ids, duplicate ids and invalid actions with clear messages", () => {
    expect(errorOf(() => compileDlp({ enabled: ["nope"] }))).toBe("unknown dlp rule id `nope`");
    expect(errorOf(() => compileDlp({ actions: { nope: "deny" } }))).toBe("unknown dlp rule id `nope` in actions");
    expect(errorOf(() => compileDlp({ actions: { "github-pat": "block" as "deny" } }))).toBe("invalid dlp action `block` for rule `github-pat`");
    expect(errorOf(() => compileDlp({ custom: [{ id: "github-pat", pattern: "x" }] }))).toBe("duplicate dlp rule id `github-pat`");
    expect(errorOf(() => compileDlp({ custom: [{ id: "a", pattern: "x" }, { id: "a", pattern: "y" }] }))).toBe("duplicate dlp rule id `a`");
    expect(errorOf(() => compileDlp({ custom: [{ id: "Bad Id", pattern: "x" }] }))).toMatch(/^invalid custom dlp pattern id `Bad Id`/);
  });

  it("rejects custom patterns that do not compile or could hang the hook", () => {
    const reason = (pattern: string): string => errorOf(() => compileDlp({ custom: [{ id: "c", pattern }] }));
    expect(reason("(unclosed")).toMatch(/^invalid custom dlp pattern `c`: /);
    expect(reason("(a+)+$")).toBe("invalid custom dlp pattern `c`: nested quantifier at offset 4");
    expect(reason(String.raw`(?:\w*x)*y`)).toMatch(/nested quantifier/);
    expect(reason("((ab)*c)+")).toMatch(/nested quantifier/);
    expect(reason("(a{2,5}){3,}")).toMatch(/nested quantifier/);
    expect(reason(String.raw`([a-z]+\s?)*$`)).toMatch(/nested quantifier/);
    // Overlapping alternatives under an unbounded repetition backtrack exponentially on a near miss
    expect(reason("(a|a)*b")).toBe("invalid custom dlp pattern `c`: alternation inside a group repeated more than 10 times at offset 5 (use a character class, or bound the repetition)");
    expect(reason("x(?:a|ab)+c")).toMatch(/alternation inside a group repeated/);
    expect(reason("((a|b)c){2,}")).toMatch(/alternation inside a group repeated/);
    expect(reason("(?:[a-z]|[0-9]){20}x")).toMatch(/alternation inside a group repeated/);
    expect(reason(String.raw`(a)\1`)).toBe("invalid custom dlp pattern `c`: backreferences are not allowed");
    expect(reason("a*")).toBe("invalid custom dlp pattern `c`: pattern matches the empty string");
    expect(reason("x".repeat(513))).toBe("invalid custom dlp pattern `c`: pattern longer than 512 characters");
    for (const message of [reason("(a+)+"), reason("(")]) expect(message).toMatch(/^[a-z][^\n]*[^.]$/);
  });

  it("accepts ordinary custom patterns", () => {
    for (const pattern of ["(?:ab)+c", "a+b*[x+]{2,8}", "(foo|bar){1,3}", "(?:sk|pk)_live_[a-z0-9]{24,}", "x|y+", "(?:a|b)?c", "(?<name>x)y", String.raw`\(a+\)+`, "[(]a+[)]+", "(a)?b+"]) {
      expect(() => compileDlp({ custom: [{ id: "ok", pattern }] }), pattern).not.toThrow();
    }
  });

  it("refuses rule sets it did not compile", () => {
    expect(errorOf(() => scanText("x", { ruleIds: [] } as unknown as TCompiledDlp))).toBe("dlp rule set was not created by compileDlp");
  });
});
