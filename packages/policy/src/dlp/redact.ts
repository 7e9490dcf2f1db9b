import { compiledRules, defaultCompiledDlp } from "./compile";
import { isSecretName, REDACTED, redactCredentialValue, stripCredentials } from "./credentials";
import { isPlaceholder } from "./rules/shared";
import { scanText } from "./scan";
import { scanTokenShapes } from "./shapes";
import type { TCompiledDlp, TDlpFinding } from "./types";

// Deeper structures are cut rather than risk a stack overflow in the hook
const MAX_DEPTH = 64;

type TSpan = { start: number; end: number; label: string };

// Overlapping findings become one span labelled by the longest, provider-specific finding
function mergeFindings(findings: readonly TDlpFinding[], generic: ReadonlySet<string>): TSpan[] {
  const ordered = [...findings].sort(
    (a, b) => a.start - b.start || b.end - a.end || Number(generic.has(a.ruleId)) - Number(generic.has(b.ruleId)),
  );
  const spans: TSpan[] = [];
  for (const finding of ordered) {
    const last = spans.at(-1);
    if (last && finding.start < last.end) {
      last.end = Math.max(last.end, finding.end);
      continue;
    }
    spans.push({ start: finding.start, end: finding.end, label: `[REDACTED:${finding.ruleId}:${finding.fingerprint}]` });
  }

  return spans;
}

/**
 * Redact `text` for storage or display: every DLP finding becomes `[REDACTED:<ruleId>:<fingerprint>]`,
 * then credentials without a provider format are stripped (URL userinfo, secret query parameters,
 * Authorization/Cookie/API-key headers, secret fields, secret environment assignments, password flags).
 * Hosts and paths stay readable. Uses all built-in rules when `dlp` is omitted
 */
export function redactText(text: string, dlp: TCompiledDlp = defaultCompiledDlp()): string {
  if (text.length === 0) return text;

  const generic = new Set(compiledRules(dlp).filter((rule) => rule.generic).map((rule) => rule.id));
  const findings = scanText(text, dlp);
  const spans = mergeFindings([...findings, ...scanTokenShapes({ text, dlp, found: findings })], generic);
  let out = "";
  let cursor = 0;
  for (const span of spans) {
    out += text.slice(cursor, span.start) + span.label;
    cursor = span.end;
  }
  out += text.slice(cursor);

  return stripCredentials(out);
}

function redactDeep(value: unknown, dlp: TCompiledDlp, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === "string") return redactText(value, dlp);
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_DEPTH) return "[TRUNCATED]";
  if (seen.has(value)) return "[CIRCULAR]";
  seen.add(value);

  let result: unknown;
  if (Array.isArray(value)) {
    result = value.map((item) => redactDeep(item, dlp, seen, depth + 1));
  } else if (value instanceof Map) {
    result = new Map([...value].map(([k, v]) => [redactDeep(k, dlp, seen, depth + 1), redactDeep(v, dlp, seen, depth + 1)]));
  } else if (value instanceof Set) {
    result = new Set([...value].map((item) => redactDeep(item, dlp, seen, depth + 1)));
  } else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // A value under a credential-named key is hidden even when it has no recognisable format
      const hidden =
        typeof item === "string" && isSecretName(key) && item.length > 0 && !isPlaceholder(item)
          ? redactCredentialValue(redactText(item, dlp))
          : redactDeep(item, dlp, seen, depth + 1);
      out[redactText(key, dlp)] = hidden;
    }
    result = out;
  } else {
    // Dates, class instances, typed arrays: not event payload data, returned as they are
    result = value;
  }
  seen.delete(value);

  return result;
}

/**
 * Deep copy of `value` with every string redacted by {@link redactText}, for event payloads and logs;
 * strings under credential-named keys (`password`, `Authorization`, `client_secret` …) become `[REDACTED]`
 * (keeping an auth scheme). Keys are redacted too; cycles become `"[CIRCULAR]"`, nesting past 64 levels `"[TRUNCATED]"`
 */
export function redactValue<T>(value: T, dlp: TCompiledDlp = defaultCompiledDlp()): T {
  return redactDeep(value, dlp, new WeakSet(), 0) as T;
}

export { REDACTED };
