import { parseHostPort, type TDestination } from "./normalize.js";

/** A parsed host pattern: exact host or `*.suffix`, optionally restricted to one port. */
export type THostPattern = { host: string; wildcard: boolean; port: number | undefined };

/**
 * Parses a policy host entry: `example.com`, `*.example.com`, `api.example.com:8443`,
 * `10.0.0.5`, `[::1]:8080`. The host part is normalized exactly like a request host.
 */
export function parseHostPattern(entry: string): THostPattern | undefined {
  const wildcard = entry.startsWith("*.");
  const body = wildcard ? entry.slice(2) : entry;
  if (body.includes("*") || body.includes("@")) return undefined;
  const parsed = parseHostPort(body);
  if (!parsed.ok) return undefined;
  const explicitPort = /:(\d+)$/.test(body) && !/^\[[^\]]*\]$/.test(body) ? parsed.dest.port : undefined;
  return { host: parsed.dest.host, wildcard, port: explicitPort };
}

/**
 * Host set compiled for O(labels) lookup: hash sets of exact hosts and of wildcard suffixes,
 * each with and without a port. Cost does not depend on how many hosts the policy lists.
 */
export type THostSet = {
  exact: Set<string>;
  exactPort: Set<string>;
  suffix: Set<string>;
  suffixPort: Set<string>;
  size: number;
};

// An entry already in canonical form: lower-case LDH labels whose last label is not numeric or
// hex (so WHATWG would not read it as IPv4), optionally `*.`-prefixed, no port.
const CANONICAL_ENTRY = /^(\*\.)?((?:[a-z0-9-]+\.)*([a-z0-9-]+))$/;
const HEX_OR_NUMBER = /^(?:\d+|0x[0-9a-f]*)$/;

/** Compiles policy host entries (invalid entries are skipped; the schema rejects them earlier). */
export function compileHostSet(entries: readonly string[]): THostSet {
  const set: THostSet = { exact: new Set(), exactPort: new Set(), suffix: new Set(), suffixPort: new Set(), size: 0 };
  for (const e of entries) {
    // Fast path: a 10k-host snapshot is compiled on every hook call, so canonical entries (what
    // published policies contain) skip the URL parser. INVARIANT: only strings that
    // parseHostPattern would return unchanged take this path (checked by a property test).
    const fast = CANONICAL_ENTRY.exec(e);
    if (fast !== null && !HEX_OR_NUMBER.test(fast[3] ?? "") && !e.includes("xn--")) {
      set.size++;
      (fast[1] === undefined ? set.exact : set.suffix).add(fast[2] ?? "");
      continue;
    }
    const p = parseHostPattern(e);
    if (!p) continue;
    set.size++;
    if (p.wildcard) (p.port === undefined ? set.suffix : set.suffixPort).add(p.port === undefined ? p.host : `${p.host}:${p.port}`);
    else (p.port === undefined ? set.exact : set.exactPort).add(p.port === undefined ? p.host : `${p.host}:${p.port}`);
  }
  return set;
}

/**
 * True if the destination matches the set. `*.example.com` matches any depth of subdomain but
 * not `example.com` itself; IP literals only match exactly.
 */
export function hostSetMatches(set: THostSet, dest: Pick<TDestination, "host" | "hostKind" | "port" | "suffixes">): boolean {
  if (set.size === 0) return false;
  const { host, port } = dest;
  if (set.exact.has(host)) return true;
  const hasPort = port !== undefined;
  if (hasPort && set.exactPort.size > 0 && set.exactPort.has(`${host}:${port}`)) return true;
  if (dest.hostKind !== "dns" || (set.suffix.size === 0 && set.suffixPort.size === 0)) return false;
  // INVARIANT: walk label boundaries only; `evilgithub.com` never matches `*.github.com`.
  const suffixes = dest.suffixes ?? labelSuffixes(host);
  for (const suffix of suffixes) {
    if (set.suffix.has(suffix)) return true;
    if (hasPort && set.suffixPort.size > 0 && set.suffixPort.has(`${suffix}:${port}`)) return true;
  }
  return false;
}

/** `a.b.c` → [`b.c`, `c`]. */
export function labelSuffixes(host: string): string[] {
  const out: string[] = [];
  for (let i = host.indexOf("."); i !== -1; i = host.indexOf(".", i + 1)) out.push(host.slice(i + 1));
  return out;
}
