/** Property tests: host normalization, differential against the WHATWG URL parser. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compilePolicy, defaultPolicyDocument, evaluate, parseUrlDestination, type TNormalizedCall } from "../src/index.js";
import { compileHostSet, hostSetMatches, parseHostPattern } from "../src/hosts/match.js";

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const dnsName = fc.tuple(fc.array(label, { minLength: 1, maxLength: 4 }), fc.constantFrom("com", "org", "dev", "io", "tld", "example")).map(([ls, tld]) => [...ls, tld].join("."));

function whatwgHost(url: string): string {
  const h = new URL(url).hostname;
  const t = h.endsWith(".") ? h.slice(0, -1) : h;
  return t.startsWith("[") ? t.slice(1, -1) : t;
}

describe("host normalization", () => {
  test("agrees with new URL() on web URLs", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (u) => {
        const r = parseUrlDestination(u);
        const expected = whatwgHost(u);
        if (r.ok) expect(r.dest.host === expected || r.dest.hostKind === "ipv4").toBe(true);
        else expect(r.why).toMatch(/invalid|no-host/);
      }),
      { numRuns: 500 },
    );
  });

  test("case, trailing dot and percent-encoding do not change the host", () => {
    fc.assert(
      fc.property(dnsName, (h) => {
        const base = parseUrlDestination(`https://${h}/`);
        const upper = parseUrlDestination(`https://${h.toUpperCase()}./x`);
        const pct = parseUrlDestination(`https://${[...h].map((c) => (/[a-z]/.test(c) ? `%${c.charCodeAt(0).toString(16)}` : c)).join("")}/`);
        expect(base.ok && upper.ok && pct.ok).toBe(true);
        if (base.ok && upper.ok && pct.ok) {
          expect(upper.dest.host).toBe(base.dest.host);
          expect(pct.dest.host).toBe(base.dest.host);
          expect(base.dest.host).toBe(whatwgHost(`https://${h}/`));
        }
      }),
    );
  });

  test("LDH-looking hosts (incl. numeric, hex and punycode labels) match new URL() exactly", () => {
    const piece = fc.constantFrom("a", "B", "0", "9", "-", ".", "x", "n", "0x", "xn--", "1", "f");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }).map((a) => a.join("")), fc.option(fc.integer({ min: 0, max: 70000 })), (name, port) => {
        const authority = port === null ? name : `${name}:${port}`;
        let expected: string | undefined;
        try {
          expected = whatwgHost(`http://${authority}/`);
        } catch {
          expected = undefined;
        }
        const r = parseUrlDestination(`http://${authority}/`);
        if (r.ok) expect(r.dest.host).toBe(expected);
        else if (expected !== undefined) expect(r.why).toBe("invalid");
      }),
      { numRuns: 2000 },
    );
  });

  test("userinfo never becomes the host", () => {
    fc.assert(
      fc.property(dnsName, dnsName, (allowed, real) => {
        const r = parseUrlDestination(`https://${allowed}@${real}/x`);
        expect(r.ok && r.dest.host).toBe(real);
        const r2 = parseUrlDestination(`https://${allowed}:443@${real}/x`);
        expect(r2.ok && r2.dest.host).toBe(real);
      }),
    );
  });

  test("every IPv4 notation of one address normalizes to the same dotted quad", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0xfffffffe }), (n) => {
        const dotted = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
        const forms = [String(n), `0x${n.toString(16)}`, `0${n.toString(8)}`, dotted, `[::ffff:${dotted}]`];
        for (const f of forms) {
          const r = parseUrlDestination(`http://${f}/`);
          expect(r.ok && r.dest.host).toBe(dotted);
          expect(r.ok && r.dest.hostKind).toBe("ipv4");
        }
      }),
    );
  });

  test("IDN hosts become the same punycode as new URL()", () => {
    fc.assert(
      fc.property(fc.constantFrom("bücher", "mañana", "пример", "例え", "gіthub", "straße"), dnsName, (u, rest) => {
        const url = `https://${u}.${rest}/`;
        const r = parseUrlDestination(url);
        expect(r.ok && r.dest.host).toBe(whatwgHost(url));
      }),
    );
  });

  test("`*.suffix` matches subdomains at label boundaries only", () => {
    fc.assert(
      fc.property(dnsName, label, (suffix, sub) => {
        const set = compileHostSet([`*.${suffix}`]);
        const m = (h: string): boolean => {
          const r = parseUrlDestination(`https://${h}/`);
          return r.ok && hostSetMatches(set, r.dest);
        };
        expect(m(`${sub}.${suffix}`)).toBe(true);
        expect(m(`a.${sub}.${suffix}`)).toBe(true);
        expect(m(suffix)).toBe(false);
        expect(m(`${sub}${suffix}`)).toBe(false);
        expect(m(`${suffix}.${sub}.evil`)).toBe(false);
      }),
    );
  });

  test("a URL call is allowed only if its normalized host is allow-listed", () => {
    const compiled = compilePolicy({ ...defaultPolicyDocument(), hosts: { allow: ["github.com"], deny: [], loopback: "allow" } });
    fc.assert(
      fc.property(fc.webUrl(), (u) => {
        const call: TNormalizedCall = { agent: "claude-code", event: "PreToolUse", tool: "WebFetch", kind: "fetch", urls: [u], payload: { url: u } };
        const d = evaluate(call, compiled);
        const host = parseUrlDestination(u);
        if (d.effect === "allow") expect(host.ok && (host.dest.host === "github.com" || host.dest.host === "localhost" || host.dest.host.startsWith("127."))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("compileHostSet fast path", () => {
  const anyLabel = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
  const entry = fc
    .tuple(fc.boolean(), fc.array(anyLabel, { minLength: 1, maxLength: 4 }), fc.constantFrom("", ":8443", "."), fc.boolean())
    .map(([wild, labels, tail, upper]) => {
      const e = `${wild ? "*." : ""}${labels.join(".")}${tail}`;
      return upper ? e.toUpperCase() : e;
    });

  test("compiles every entry exactly as the URL-based parser does", () => {
    fc.assert(
      fc.property(entry, (e) => {
        const fast = compileHostSet([e]);
        const p = parseHostPattern(e);
        const expected = compileSlow(p);
        expect({ exact: [...fast.exact], exactPort: [...fast.exactPort], suffix: [...fast.suffix], suffixPort: [...fast.suffixPort] }).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  function compileSlow(p: ReturnType<typeof parseHostPattern>) {
    const out = { exact: [] as string[], exactPort: [] as string[], suffix: [] as string[], suffixPort: [] as string[] };
    if (!p) return out;
    const key = p.port === undefined ? p.host : `${p.host}:${p.port}`;
    if (p.wildcard) (p.port === undefined ? out.suffix : out.suffixPort).push(key);
    else (p.port === undefined ? out.exact : out.exactPort).push(key);
    return out;
  }
});
