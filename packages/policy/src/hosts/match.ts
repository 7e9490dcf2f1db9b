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

/** A set of lookup keys: a `Set<string>`, or a {@link SortedKeys} view over a serialized list. */
export type TKeySet = { has(key: string): boolean; readonly size: number };

/**
 * Host set compiled for O(labels) lookup: sets of exact hosts and of wildcard suffixes, each with
 * and without a port. Cost does not depend on how many hosts the policy lists.
 */
export type THostSet = {
  exact: TKeySet;
  exactPort: TKeySet;
  suffix: TKeySet;
  suffixPort: TKeySet;
  size: number;
};

/** A host set as {@link compileHostSet} builds it (hash sets, iterable for serialization). */
export type TBuiltHostSet = THostSet & { exact: Set<string>; exactPort: Set<string>; suffix: Set<string>; suffixPort: Set<string> };

/** A host set serialized for a precompiled policy: each key list sorted and newline-terminated. */
export type TSerializedHostSet = { exact: string; exactPort: string; suffix: string; suffixPort: string; size: number };

/**
 * Read-only key set over one string of sorted, newline-terminated keys, searched in place by
 * bisection: loading it costs one string, not one allocation per key. Answers exactly like a
 * `Set` of the same keys (property-tested).
 */
export class SortedKeys implements TKeySet {
  private readonly text: string;
  private count: number | undefined;

  constructor(text: string) {
    // INVARIANT: only well-formed lists are searched; anything else is rejected, never half-read.
    if (typeof text !== "string" || (text !== "" && !text.endsWith("\n"))) throw new Error("sorted key list must be a newline-terminated string");
    this.text = text;
  }

  /** Number of keys (counted on first use: matching only asks whether the list is empty). */
  get size(): number {
    if (this.count === undefined) {
      let n = 0;
      for (let i = this.text.indexOf("\n"); i !== -1; i = this.text.indexOf("\n", i + 1)) n++;
      this.count = n;
    }
    return this.count;
  }

  has(key: string): boolean {
    if (key === "" || key.includes("\n")) return false;
    const t = this.text;
    let lo = 0;
    let hi = t.length;
    // lo and hi are always line starts; the line holding `mid` splits the range.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === lo ? lo : t.lastIndexOf("\n", mid - 1) + 1;
      const end = t.indexOf("\n", start);
      const line = t.slice(start, end);
      if (line === key) return true;
      if (line < key) lo = end + 1;
      else hi = start;
    }
    return false;
  }
}

function sortedList(keys: Iterable<string>): string {
  const list = [...keys];
  for (const k of list) if (k === "" || k.includes("\n")) throw new Error(`host key \`${k}\` cannot be serialized`);
  list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return list.length === 0 ? "" : `${list.join("\n")}\n`;
}

/** Serializes a compiled host set (see {@link hostSetFromSerialized}). */
export function serializeHostSet(set: TBuiltHostSet): TSerializedHostSet {
  return { exact: sortedList(set.exact), exactPort: sortedList(set.exactPort), suffix: sortedList(set.suffix), suffixPort: sortedList(set.suffixPort), size: set.size };
}

/** A host set over serialized key lists: matches exactly like the set it was serialized from. */
export function hostSetFromSerialized(s: TSerializedHostSet): THostSet {
  return { exact: new SortedKeys(s.exact), exactPort: new SortedKeys(s.exactPort), suffix: new SortedKeys(s.suffix), suffixPort: new SortedKeys(s.suffixPort), size: s.size };
}

// An entry already in canonical form: lower-case LDH labels whose last label is not numeric or
// hex (so WHATWG would not read it as IPv4), optionally `*.`-prefixed, no port.
const CANONICAL_ENTRY = /^(\*\.)?((?:[a-z0-9-]+\.)*([a-z0-9-]+))$/;
const HEX_OR_NUMBER = /^(?:\d+|0x[0-9a-f]*)$/;

/** Compiles policy host entries (invalid entries are skipped; the schema rejects them earlier). */
export function compileHostSet(entries: readonly string[]): TBuiltHostSet {
  const set: TBuiltHostSet = { exact: new Set(), exactPort: new Set(), suffix: new Set(), suffixPort: new Set(), size: 0 };
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
