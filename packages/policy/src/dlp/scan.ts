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

type TKeywordIndex = { any: RegExp; byFirstChar: Map<number, readonly string[]>; total: number };

const INDEXES = new WeakMap<readonly TCompiledRule[], TKeywordIndex>();
const escapeRegex = (literal: string): string => literal.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

// One alternation of every keyword (a native automaton, far faster than one `includes` per keyword)
// plus the keywords bucketed by first character, built once per compiled rule set
function keywordIndex(rules: readonly TCompiledRule[]): TKeywordIndex {
  const cached = INDEXES.get(rules);
  if (cached) return cached;
  const keywords = [...new Set(rules.flatMap((rule) => rule.keywords))].sort((a, b) => b.length - a.length);
  const byFirstChar = new Map<number, string[]>();
  for (const keyword of keywords) {
    const first = keyword.charCodeAt(0);
    byFirstChar.set(first, [...(byFirstChar.get(first) ?? []), keyword]);
  }
  const any = new RegExp(keywords.length > 0 ? keywords.map(escapeRegex).join("|") : "(?!)", "g");
  const index = { any, byFirstChar, total: keywords.length };
  INDEXES.set(rules, index);

  return index;
}

// Below this length a plain search per keyword beats building (and compiling) the alternation:
// a hook payload is usually a few hundred bytes, and a one-call process never amortizes the regex
const SHORT_TEXT = 2048;

function keywordList(rules: readonly TCompiledRule[]): readonly string[] {
  const cached = LISTS.get(rules);
  if (cached) return cached;
  const keywords = [...new Set(rules.flatMap((rule) => rule.keywords))];
  LISTS.set(rules, keywords);

  return keywords;
}

const LISTS = new WeakMap<readonly TCompiledRule[], readonly string[]>();

// Every keyword occurring in the lowercased text; each position where some keyword starts is examined once
function keywordsPresent(lower: string, rules: readonly TCompiledRule[]): Set<string> {
  const present = new Set<string>();
  if (lower.length <= SHORT_TEXT) {
    for (const keyword of keywordList(rules)) if (lower.includes(keyword)) present.add(keyword);

    return present;
  }
  const index = keywordIndex(rules);
  const { any } = index;
  any.lastIndex = 0;
  for (let match = any.exec(lower); match !== null && present.size < index.total; match = any.exec(lower)) {
    for (const keyword of index.byFirstChar.get(lower.charCodeAt(match.index)) ?? []) {
      if (!present.has(keyword) && lower.startsWith(keyword, match.index)) present.add(keyword);
    }
    any.lastIndex = match.index + 1;
  }
  any.lastIndex = 0;

  return present;
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

  const present = keywordsPresent(text.toLowerCase(), rules);
  const findings: TDlpFinding[] = [];
  for (const rule of rules) {
    if (rule.keywords.length > 0 && !rule.keywords.some((keyword) => present.has(keyword))) continue;
    scanRule(text, rule, findings);
  }

  return findings.sort((a, b) => a.start - b.start || b.end - a.end || a.ruleId.localeCompare(b.ruleId));
}
