import { compiledRules } from "./compile";
import { fingerprintSecret } from "./fingerprint";
import type { TCompiledDlp, TDlpFinding } from "./types";

/**
 * Strictly shaped tokens that count as secrets even when their body falls below the rule's
 * entropy floor or length: a placeholder-looking or oddly sized key is still a key to an attacker.
 * Enforcement denies them and redaction removes them, so what the engine blocks never reaches disk.
 */
const TOKEN_SHAPES: readonly { ruleId: string; re: RegExp }[] = [
  { ruleId: "github-pat", re: /(?<![A-Za-z0-9])ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g },
  { ruleId: "aws-access-token", re: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g },
  { ruleId: "anthropic-api-key", re: /(?<![\w-])sk-ant-api\d{1,4}-[A-Za-z0-9_-]{20,400}/g },
  { ruleId: "slack-bot-token", re: /(?<![\w-])xoxb-[A-Za-z0-9-]{10,400}/g },
  { ruleId: "slack-user-token", re: /(?<![\w-])xox[pe]-[A-Za-z0-9-]{10,400}/g },
];

/**
 * Findings of the strict token shapes for enabled rules that `found` does not already report.
 * Complements {@link scanText}; the engine and {@link redactText} both add them.
 */
export function scanTokenShapes(opts: { text: string; dlp: TCompiledDlp; found: readonly TDlpFinding[] }): TDlpFinding[] {
  const { text, dlp, found } = opts;
  const extra: TDlpFinding[] = [];
  for (const shape of TOKEN_SHAPES) {
    if (found.some((f) => f.ruleId === shape.ruleId)) continue;
    const rule = compiledRules(dlp).find((r) => r.id === shape.ruleId);
    if (!rule) continue;
    shape.re.lastIndex = 0;
    for (let m = shape.re.exec(text); m !== null; m = shape.re.exec(text)) {
      extra.push({ ruleId: shape.ruleId, start: m.index, end: m.index + m[0].length, action: rule.action, fingerprint: fingerprintSecret(shape.ruleId, m[0]) });
    }
    shape.re.lastIndex = 0;
  }

  return extra;
}
