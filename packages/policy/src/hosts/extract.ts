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
const URL_KEYS = new Set(["url", "uri", "href", "endpoint", "targeturl", "webhook", "webhookurl", "host", "hostname", "baseurl", "server", "address"]);
// Other field names that name where a connector sends or redirects (`callbackUrl`, `redirect_uri`,
// `serverURL`, `api-endpoint`, `webhooks`): compared without case, `_`, `-` or `.`.
const URL_KEY_SUFFIX = /(url|uri|href|endpoint|webhook|hostname|link)s?$|^(callback|redirect|redirectto|origin|proxy|destination)$/;
const HOST_LIKE = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?([/?#]\S*)?$/i;

/** `webhook_url`, `webhookUrl`, `Webhook-URL` → `webhookurl`. */
const keyOf = (k: string): string => k.toLowerCase().replace(/[_.-]/g, "");

/**
 * Destination values of URL fields: a value without a scheme gets `https://` (a WebFetch `url` of
 * `evil.tld/x` still goes to evil.tld). Well-known names take any value; other names ending in
 * url/uri/href/endpoint/webhook/link take URLs and host-like values. Free-text fields (`body`,
 * `description`) are not destinations, whatever URLs they mention.
 */
export function urlFieldValues(payload: unknown): string[] {
  const out: string[] = [];
  forEachString(payload, (s, key) => {
    if (key === undefined) return;
    const k = keyOf(key);
    const known = URL_KEYS.has(k);
    if (!known && !URL_KEY_SUFFIX.test(k)) return;
    // WHATWG URL parsing drops ASCII tab, CR and LF anywhere in the value: `https://github.com\n.evil.io`
    // goes to github.com.evil.io. Any other whitespace makes the value unparsable (then denied).
    const v = s.trim().replace(/[\t\n\r]/g, "");
    if (v === "") return;
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^(about|data|javascript|blob|file|mailto):/i.test(v);
    if (withScheme) out.push(v);
    else if (v.startsWith("//")) out.push(`https:${v}`);
    else if (known || HOST_LIKE.test(v)) out.push(`https://${v}`);
  });
  return [...new Set(out)];
}
