import { shannonEntropy } from "../entropy";

/** Lookahead ending a gitleaks-style value: a quote, whitespace, a separator, an escaped newline or the end */
export const VALUE_END = String.raw`(?=[\x60'"\s;,)}\]<>&|]|\\[nrt]|$)`;

// Gitleaks' assignment shape, bounded: `<keyword><up to 20 id chars> = "value"`, `key: value`, `k => v`, `k := v`
const ASSIGN = String.raw`[ \t\w.-]{0,20}[\s'"]{0,3}(?:=>|:{1,3}=|\?=|=|:|,)[\x60'"\s=]{0,5}`;

/**
 * Case-insensitive regex for a value assigned to an identifier containing `context`
 * (e.g. `DATADOG_API_KEY = "…"`); the value is capture group 1
 */
export function keyed(context: string, value: string): RegExp {
  return new RegExp(`(?:${context})${ASSIGN}(${value})${VALUE_END}`, "i");
}

const PLACEHOLDER =
  /^(?:\$\{?[\w.]+\}?|\$\(.*\)|\{\{.*\}\}|<[^>]*>|%\w+%?|\*+|x+|\.+|-+|(?:changeme|changeit|password|passwd|pass|pwd|secret|token|test|example|dummy|fake|placeholder|redacted|none|null|undefined|admin|root)\d{0,3})$/i;

/** True for values that only stand in for a credential: `$VAR`, `${VAR}`, `<token>`, `changeme`, `****` … */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || /example|placeholder|redacted|your[_-]|_here\b/i.test(value);
}

/** True when `value` is not a placeholder and reaches `minEntropy` bits per character */
export function looksReal(value: string, minEntropy = 0): boolean {
  return !isPlaceholder(value) && shannonEntropy(value) >= minEntropy;
}

/** Decode base64 or base64url to a latin-1 string; `undefined` when the input is not base64 */
export function decodeBase64(input: string): string | undefined {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const clean = input.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  let bits = 0;
  let buffer = 0;
  let out = "";
  for (const ch of clean) {
    const value = alphabet.indexOf(ch);
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0x3fff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }

  return out;
}
