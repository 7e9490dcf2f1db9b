import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { BlockedKeys, blockKeyList, isKeyBlocks } from "../../src/state/host-blocks";

// The hook cache keeps long host lists in blocks of a side file (src/state/hook-cache.ts). A lookup
// must answer exactly like a Set of the same keys, whatever the block size, or the hook would allow a
// host the policy does not list (or deny one it does).

const label = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/);
const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join("."));
const key = fc.oneof(host, fc.tuple(host, fc.integer({ min: 1, max: 65535 })).map(([h, p]) => `${h}:${p}`));

function serialize(keys: Iterable<string>): string {
  const list = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  return list.length === 0 ? "" : `${list.join("\n")}\n`;
}

function blocked(text: string, blockBytes: number, base = 0): BlockedKeys {
  const cut = blockKeyList(text, { base, blockBytes });
  if (cut === undefined) throw new Error("not blockable");
  const file = " ".repeat(base) + cut.bytes;
  let reads = 0;
  const keys = new BlockedKeys(cut.blocks, (offset, length) => {
    reads += 1;
    if (offset < 0 || offset + length > file.length) throw new Error("read outside the file");
    return file.slice(offset, offset + length);
  });
  Object.defineProperty(keys, "reads", { get: () => reads });

  return keys;
}

describe("blocked host key lists", () => {
  it("answer exactly like a Set of the same keys, for any block size", () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 300 }), fc.array(key, { maxLength: 40 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 50 }), (members, others, blockBytes, base) => {
        const set = new Set(members);
        const keys = blocked(serialize(members), blockBytes, base);
        expect(keys.size).toBe(set.size);
        for (const probe of [...members, ...others, ...members.map((m) => `${m}x`), ...members.map((m) => m.slice(1)), ...members.map((m) => `a${m}`), "", "\n", `${members[0]}\n${members[0]}`]) {
          expect(keys.has(probe), probe).toBe(set.has(probe));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("read one block per lookup", () => {
    const hosts = Array.from({ length: 20_000 }, (_, i) => `host-${i}.example.com`);
    const keys = blocked(serialize(hosts), 4096);
    expect(keys.has("host-12345.example.com")).toBe(true);
    expect(keys.has("host-20000.example.com")).toBe(false);
    expect((keys as unknown as { reads: number }).reads).toBe(2);
  });

  it("refuse lists they cannot cut safely, and indexes that are not what they write", () => {
    expect(blockKeyList("", { base: 0, blockBytes: 8 })).toBeUndefined();
    expect(blockKeyList("a.com", { base: 0, blockBytes: 8 })).toBeUndefined();
    expect(blockKeyList("a.com\n\nb.com\n", { base: 0, blockBytes: 8 })).toBeUndefined();
    expect(blockKeyList("bücher.de\n", { base: 0, blockBytes: 8 })).toBeUndefined();
    const cut = blockKeyList("a.com\nb.com\nc.com\n", { base: 10, blockBytes: 6 });
    expect(cut?.blocks).toEqual({ count: 3, first: ["a.com", "b.com", "c.com"], offsets: [10, 16, 22, 28] });
    expect(isKeyBlocks(cut?.blocks)).toBe(true);
    for (const bad of [null, {}, { count: 1, first: [], offsets: [0] }, { count: 2, first: ["b", "a"], offsets: [0, 2, 4] }, { count: 1, first: ["a"], offsets: [4, 2] }, { count: 1, first: ["a"], offsets: [0, 2.5] }, { count: 0, first: ["a"], offsets: [0, 2] }]) {
      expect(isKeyBlocks(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
