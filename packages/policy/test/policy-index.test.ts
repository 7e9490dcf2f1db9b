/** The precompiled policy index decides exactly like the policy it was built from. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compilePolicy, compilePolicyIndex, defaultPolicyDocument, evaluate, indexPolicy, parseUrlDestination, type TNormalizedCall } from "../src/index.js";
import { compileHostSet, hostSetFromSerialized, hostSetMatches, serializeHostSet, SortedKeys } from "../src/hosts/match.js";

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => `${l.join(".")}.test`);
const entry = fc.tuple(fc.boolean(), host, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined })).map(([wild, h, port]) => `${wild ? "*." : ""}${h}${port === undefined ? "" : `:${port}`}`);

describe("SortedKeys", () => {
  test("answers like a Set of the same keys", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes("\n")), { maxLength: 60 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 30 }), (keys, probes) => {
        const set = new Set(keys);
        const sorted = new SortedKeys(serializeHostSet({ exact: set, exactPort: new Set(), suffix: new Set(), suffixPort: new Set(), size: set.size }).exact);
        expect(sorted.size).toBe(set.size);
        for (const k of [...keys, ...probes]) expect(sorted.has(k)).toBe(set.has(k));
      }),
      { numRuns: 300 },
    );
  });

  test("finds every key of a 100k list and nothing between them", () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `host-${i}.example.com`);
    const set = compileHostSet(keys);
    const sorted = hostSetFromSerialized(serializeHostSet(set));
    for (let i = 0; i < 100_000; i += 997) expect(sorted.exact.has(`host-${i}.example.com`)).toBe(true);
    for (const probe of ["host-.example.com", "host-100000.example.com", "host-1.example.co", "", "a", "zzz", "host-5.example.com\n"]) expect(sorted.exact.has(probe)).toBe(false);
  });

  test("refuses a list that is not newline-terminated", () => {
    expect(() => new SortedKeys("a\nb")).toThrow(/newline-terminated/);
    expect(() => new SortedKeys(42 as unknown as string)).toThrow(/newline-terminated/);
  });
});

describe("policy index", () => {
  test("host sets match like the compiled ones for random entries and destinations", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 25 }), fc.array(fc.tuple(host, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined })), { maxLength: 20 }), (entries, probes) => {
        const built = compileHostSet(entries);
        const loaded = hostSetFromSerialized(JSON.parse(JSON.stringify(serializeHostSet(built))));
        const candidates = [...probes, ...entries.map((e) => [e.replace(/^\*\./, "x."), undefined] as const)];
        for (const [h, port] of candidates) {
          const r = parseUrlDestination(`https://${h}${port === undefined ? "" : `:${port}`}/`);
          if (!r.ok) continue;
          expect(hostSetMatches(loaded, r.dest)).toBe(hostSetMatches(built, r.dest));
        }
      }),
      { numRuns: 300 },
    );
  });

  test("keeps no host list and no policy test in the document it carries", () => {
    const policy = { ...defaultPolicyDocument(), hosts: { allow: ["a.example.com", "*.b.example.com"], deny: ["evil.example.com"], loopback: "deny" as const } };
    const index = indexPolicy(policy);
    expect(index.policy.hosts.allow).toEqual([]);
    expect(index.policy.hosts.deny).toEqual([]);
    expect(index.policy.tests).toEqual([]);
    expect(index.hosts.allow.exact).toBe("a.example.com\n");
    expect(index.hosts.allow.suffix).toBe("b.example.com\n");
    expect(index.hosts.deny.exact).toBe("evil.example.com\n");
    expect(policy.hosts.allow).toHaveLength(2);
  });

  test("decides like the original policy, deny list and loopback included", () => {
    const policy = { ...defaultPolicyDocument(), hosts: { allow: ["api.example.com", "*.corp.example", "10.0.0.5", "svc.example.com:8443"], deny: ["bad.corp.example"], loopback: "deny" as const } };
    const direct = compilePolicy(policy);
    const indexed = compilePolicyIndex(JSON.parse(JSON.stringify(indexPolicy(policy))));
    for (const url of ["https://api.example.com/x", "https://x.corp.example/", "https://bad.corp.example/", "http://10.0.0.5/", "http://0x0a000005/", "https://svc.example.com:8443/", "https://svc.example.com/", "http://127.0.0.1/", "https://evil.example.com/", "https://api.example.com.evil.test/"]) {
      const call: TNormalizedCall = { agent: "claude-code", event: "PreToolUse", tool: "WebFetch", kind: "fetch", urls: [url], targetUrls: [url], payload: { url } };
      expect(evaluate(call, indexed, {})).toEqual(evaluate(call, direct, {}));
    }
  });

  test("a malformed index is refused, never half-loaded", () => {
    const good = indexPolicy(defaultPolicyDocument());
    for (const bad of [null, 42, {}, { ...good, format: 2 }, { ...good, hosts: { ...good.hosts, allow: { exact: 1 } } }, { ...good, hosts: { ...good.hosts, deny: { ...good.hosts.deny, exact: "no-newline" } } }, { ...good, policy: null }]) {
      expect(() => compilePolicyIndex(bad)).toThrow();
    }
  });
});
