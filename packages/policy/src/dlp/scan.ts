import { compiledRules, type TCompiledRule } from "./compile";
import { shannonEntropy } from "./entropy";
import { fingerprintSecret } from "./fingerprint";
import type { TCompiledDlp, TDlpFinding } from "./types";

// A pathological payload must not turn into millions of findings
const MAX_FINDINGS_PER_RULE = 1000;

// The secret's capture group: `secretGroup` when it participated, else the first group that did, else the match
function secretIndex(match: RegExpExecArray, secretGroup: number | undefined): number {
  if (secretGroup !== undefined && match[secretGroup] !== undefined) return secretGroup;
  for (let group = 1; group < match.length; group++) if (match[group] !== undefined) return group;

  return 0;
}

function scanRule(text: string, rule: TCompiledRule, findings: TDlpFinding[]): void {
  const { regex } = rule;
  regex.lastIndex = 0;
  let count = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    if (match[0].length === 0) {
      regex.lastIndex += 1;
      continue;
    }
    const group = secretIndex(match, rule.secretGroup);
    const span = match.indices?.[group];
    const secret = match[group];
    if (!span || secret === undefined || secret.length === 0) continue;
    if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) continue;
    if (rule.validate && !rule.validate(secret)) continue;
    findings.push({ ruleId: rule.id, start: span[0], end: span[1], action: rule.action, fingerprint: fingerprintSecret(rule.id, secret) });
    count += 1;
    if (count >= MAX_FINDINGS_PER_RULE) break;
  }
  regex.lastIndex = 0;
}

/**
 * Every secret the compiled rules find in `text`, ordered by position
 *
 * A rule's regex runs only when one of its keywords occurs in the lowercased text. Findings of
 * different rules may overlap (a GitHub token inside a curl header is reported by both)
 */
export function scanText(text: string, dlp: TCompiledDlp): TDlpFinding[] {
  const rules = compiledRules(dlp);
  if (text.length === 0) return [];

  const lower = text.toLowerCase();
  const findings: TDlpFinding[] = [];
  for (const rule of rules) {
    if (rule.keywords.length > 0 && !rule.keywords.some((keyword) => lower.includes(keyword))) continue;
    scanRule(text, rule, findings);
  }

  return findings.sort((a, b) => a.start - b.start || b.end - a.end || a.ruleId.localeCompare(b.ruleId));
}
