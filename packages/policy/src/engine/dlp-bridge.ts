/** Wires the DLP engine (src/dlp) into evaluation: one scan over every outbound string. */
import { compileDlp, fingerprintSecret, scanText, type TCompiledDlp, type TDlpFinding } from "../dlp/index.js";
import type { TPolicyDocument } from "../schema.js";

/** Compiled DLP, or the error that made compilation fail (evaluation then fails closed). */
export type TDlpBridge = { compiled: TCompiledDlp; actions: Readonly<Record<string, "deny" | "warn">>; error?: undefined } | { compiled?: undefined; error: string };

/** Compiles the policy's `dlp` section. Never throws. */
export function loadDlp(section: Partial<TPolicyDocument["dlp"]> | undefined): TDlpBridge | undefined {
  if (section?.enabled !== undefined && Array.isArray(section.enabled) && section.enabled.length === 0 && (section.custom ?? []).length === 0) return undefined;
  try {
    return { compiled: compileDlp({ enabled: section?.enabled ?? "all", custom: section?.custom ?? [], actions: section?.actions ?? {} }), actions: section?.actions ?? {} };
  } catch (e) {
    return { error: e instanceof Error ? e.message : "dlp rules could not be compiled" };
  }
}

/**
 * Strictly shaped tokens that are denied even when their body has low entropy (placeholder-looking
 * keys are still keys to an attacker, and cross-provider-egress-guard blocked them).
 */
const TOKEN_SHAPES: { ruleId: string; re: RegExp }[] = [
  { ruleId: "github-pat", re: /(?<![A-Za-z0-9])ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9])/ },
  { ruleId: "aws-access-token", re: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/ },
  { ruleId: "anthropic-api-key", re: /(?<![\w-])sk-ant-api\d+-[A-Za-z0-9_-]{20,}/ },
  { ruleId: "slack-bot-token", re: /(?<![\w-])xoxb-[A-Za-z0-9-]{10,}/ },
  { ruleId: "slack-user-token", re: /(?<![\w-])xox[pe]-[A-Za-z0-9-]{10,}/ },
];

/** Scans the outbound text of a call. */
export function scanOutbound(texts: readonly string[], dlp: TCompiledDlp, actions: Readonly<Record<string, "deny" | "warn">> = {}): TDlpFinding[] {
  if (texts.length === 0) return [];
  const text = texts.length === 1 ? (texts[0] ?? "") : texts.join("\n");
  const findings = scanText(text, dlp);
  for (const shape of TOKEN_SHAPES) {
    if (!dlp.ruleIds.includes(shape.ruleId) || findings.some((f) => f.ruleId === shape.ruleId)) continue;
    const m = shape.re.exec(text);
    if (m) findings.push({ ruleId: shape.ruleId, start: m.index, end: m.index + m[0].length, action: actions[shape.ruleId] ?? "deny", fingerprint: fingerprintSecret(shape.ruleId, m[0]) });
  }
  return findings;
}
