import { describe, expect, it } from "vitest";

import { compileDlp, DLP_RULE_IDS, DLP_RULES, redactText, scanText } from "../../src/dlp";
import { AI_VCS_CASES } from "./cases/ai-vcs.cases";
import { CLOUD_PLATFORM_CASES } from "./cases/cloud-platform.cases";
import { COMMS_SAAS_CASES } from "./cases/comms-saas.cases";
import { OTHER_CASES } from "./cases/other.cases";
import { createGen } from "./support/gen";

const CASES = [...AI_VCS_CASES, ...CLOUD_PLATFORM_CASES, ...COMMS_SAAS_CASES, ...OTHER_CASES];
const dlp = compileDlp();

describe("rule table", () => {
  it("has at least 60 rules with unique gitleaks-style ids", () => {
    expect(DLP_RULES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(DLP_RULE_IDS).size).toBe(DLP_RULE_IDS.length);
    for (const id of DLP_RULE_IDS) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("gives every rule a description and lowercase keywords", () => {
    for (const rule of DLP_RULES) {
      expect(rule.description.length, rule.id).toBeGreaterThan(0);
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0);
      for (const keyword of rule.keywords) expect(keyword, rule.id).toBe(keyword.toLowerCase());
    }
  });

  it("has exactly one positive/negative case per rule", () => {
    expect(CASES.map((c) => c.id).sort()).toEqual([...DLP_RULE_IDS].sort());
  });
});

describe.each(CASES)("$id", ({ id, positive, negative }) => {
  it("finds a realistic synthetic secret and redacts it", () => {
    for (const seed of [1, 2, 3]) {
      const text = positive(createGen(seed * 7919 + id.length));
      const finding = scanText(text, dlp).find((f) => f.ruleId === id);
      expect(finding, `seed ${seed}: ${text}`).toBeDefined();
      if (!finding) return;
      const secret = text.slice(finding.start, finding.end);
      expect(secret.length).toBeGreaterThanOrEqual(8);
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      const redacted = redactText(text, dlp);
      expect(redacted).not.toContain(secret);
      expect(redacted).toMatch(/\[REDACTED/);
    }
  });

  it("finds the same secret in a long payload (keyword automaton) as in a short one (per-keyword search)", () => {
    const text = positive(createGen(31 * 7919 + id.length));
    const padding = "lorem ipsum dolor sit amet ".repeat(100);
    expect(padding.length).toBeGreaterThan(2048);
    const short = scanText(text, dlp).map((f) => [f.ruleId, f.fingerprint]);
    const long = scanText(`${padding}${text}\n${padding}`, dlp).map((f) => [f.ruleId, f.fingerprint]);
    expect(short.some(([ruleId]) => ruleId === id)).toBe(true);
    expect(long).toEqual(short);
  });

  it("ignores a near miss", () => {
    for (const seed of [1, 2, 3]) {
      const text = negative(createGen(seed * 104_729 + id.length));
      expect(scanText(text, dlp), text).toEqual([]);
    }
  });
});
