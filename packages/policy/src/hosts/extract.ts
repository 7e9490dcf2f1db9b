/**
 * Finds every URL a payload may carry: explicit fields, nested objects and arrays, strings
 * holding JSON, and URLs buried in free text.
 */

const URL_IN_TEXT = /[a-z][a-z0-9+.-]{0,30}:\/\/[^\s"'<>`{}|^]*/gi;
const MAX_DEPTH = 12;
const MAX_STRINGS = 5000;

const PROTOCOL_RELATIVE = /(?<=['"`(=]\s*)\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?)(?=[/'"`?#)]|$)/gi;

/** Pushes every `scheme://…` (and quoted protocol-relative `//host`) occurrence of `text` into `out`. */
export function urlsInText(text: string, out: string[]): void {
  if (!text.includes("//")) return;
  if (/['"`(=]\s*\/\/[a-z0-9]/i.test(text)) for (const m of text.matchAll(PROTOCOL_RELATIVE)) out.push(`https://${m[1] ?? ""}/`);
  if (!text.includes("://")) return;
  URL_IN_TEXT.lastIndex = 0;
  for (let m = URL_IN_TEXT.exec(text); m !== null; m = URL_IN_TEXT.exec(text)) {
    out.push(m[0].replace(/[),.;:!\]]+$/, ""));
  }
}

/** Calls `visit` for every string in a JSON-like value, descending into JSON-encoded strings. */
export function forEachString(value: unknown, visit: (s: string, key: string | undefined) => void): void {
  let budget = MAX_STRINGS;
  const walk = (v: unknown, key: string | undefined, depth: number): void => {
    if (budget <= 0 || depth > MAX_DEPTH) return;
    if (typeof v === "string") {
      budget--;
      visit(v, key);
      const t = v.trimStart();
      if ((t.startsWith("{") || t.startsWith("[")) && t.length < 1_000_000) {
        try {
          walk(JSON.parse(t), key, depth + 1);
        } catch {
          // not JSON: already scanned as text
        }
      }
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, key, depth + 1);
    } else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        budget--;
        if (k.includes("://")) visit(k, key);
        walk(x, k, depth + 1);
      }
    }
  };
  walk(value, undefined, 0);
}

/** Every URL anywhere in a payload (deduplicated, in order of appearance). */
export function urlsInPayload(payload: unknown): string[] {
  const out: string[] = [];
  forEachString(payload, (s) => urlsInText(s, out));
  return [...new Set(out)];
}

/** Field names whose value is the destination of the call even without a scheme. */
const URL_KEYS = new Set(["url", "uri", "href", "endpoint", "link", "target_url", "targetUrl", "webhook", "webhook_url", "host", "hostname", "baseUrl", "base_url", "server", "address"]);

/**
 * Destination values of well-known URL fields: a value without a scheme gets `https://`
 * (a WebFetch `url` of `evil.tld/x` still goes to evil.tld).
 */
export function urlFieldValues(payload: unknown): string[] {
  const out: string[] = [];
  forEachString(payload, (s, key) => {
    if (key === undefined || !URL_KEYS.has(key)) return;
    // WHATWG URL parsing drops ASCII tab, CR and LF anywhere in the value: `https://github.com\n.evil.io`
    // goes to github.com.evil.io. Any other whitespace makes the value unparsable (then denied).
    const v = s.trim().replace(/[\t\n\r]/g, "");
    if (v === "") return;
    out.push(/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^(about|data|javascript|blob|file|mailto):/i.test(v) ? v : `https://${v}`);
  });
  return [...new Set(out)];
}
