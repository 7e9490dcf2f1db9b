import type { TKeySet } from "@egress/policy/engine";

// Large host key lists of the hook cache (state/hook-cache.ts), stored in blocks so that a lookup
// reads one block of the file instead of the hook reading (and decoding) the whole list on every
// call: with 100k allow-listed hosts the list is ~2 MB, which cost the hook ~20 ms per call.
//
// A key list is the engine's serialized form (hosts/match.ts `SortedKeys`): keys sorted by UTF-16
// code unit, each ending in "\n". Blocked, it is cut at line boundaries into blocks of about
// `blockBytes`; the cache header keeps each block's first key and byte offset, the bytes go to a
// side file. Keys are ASCII (hosts are punycode), so bytes and UTF-16 code units order alike.

/** Where a blocked list's blocks start in the side file, and the first key of each */
export type TKeyBlocks = { count: number; first: string[]; offsets: number[] };

/** Bytes of the side file from `offset` (must return exactly `length` bytes as latin1 text, or throw) */
export type TBlockReader = (offset: number, length: number) => string;

const ASCII_LIST = /^[\x20-\x7e\n]*$/;

/**
 * Cuts a serialized key list into blocks of about `blockBytes`, placed at `base` in the side file.
 * Undefined when the list cannot be blocked (not ASCII, or not newline-terminated): the caller then
 * keeps it inline
 */
export function blockKeyList(text: string, opts: { base: number; blockBytes: number }): { blocks: TKeyBlocks; bytes: string } | undefined {
  if (text === "" || !text.endsWith("\n") || !ASCII_LIST.test(text)) return undefined;
  const first: string[] = [];
  const offsets: number[] = [];
  let count = 0;
  let blockStart = 0;
  for (let lineStart = 0; lineStart < text.length; ) {
    const end = text.indexOf("\n", lineStart);
    if (end === lineStart) return undefined;
    if (lineStart === blockStart) {
      first.push(text.slice(lineStart, end));
      offsets.push(opts.base + lineStart);
    }
    count += 1;
    lineStart = end + 1;
    if (lineStart - blockStart >= opts.blockBytes) blockStart = lineStart;
  }
  offsets.push(opts.base + text.length);

  return { blocks: { count, first, offsets }, bytes: text };
}

/** Whether `value` has the shape {@link blockKeyList} produces (first keys ascending, offsets increasing) */
export function isKeyBlocks(value: unknown): value is TKeyBlocks {
  if (value === null || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  const { first, offsets, count } = v;
  if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1 || !Array.isArray(first) || !Array.isArray(offsets)) return false;
  if (first.length === 0 || offsets.length !== first.length + 1) return false;
  for (let i = 0; i < offsets.length; i++) {
    const o: unknown = offsets[i];
    if (typeof o !== "number" || !Number.isSafeInteger(o) || o < 0 || (i > 0 && o <= (offsets[i - 1] as number))) return false;
  }
  for (let i = 0; i < first.length; i++) {
    const k: unknown = first[i];
    if (typeof k !== "string" || k === "" || (i > 0 && !((first[i - 1] as string) < k))) return false;
  }

  return true;
}

/**
 * A key set over a blocked list: `has` finds the one block that can hold the key from the first
 * keys in memory, reads that block and looks for the whole line. Answers exactly like a `Set` of the
 * list's keys (property-tested)
 */
export class BlockedKeys implements TKeySet {
  readonly size: number;
  private readonly blocks: TKeyBlocks;
  private readonly read: TBlockReader;

  constructor(blocks: TKeyBlocks, read: TBlockReader) {
    this.blocks = blocks;
    this.read = read;
    this.size = blocks.count;
  }

  has(key: string): boolean {
    if (key === "" || key.includes("\n")) return false;
    const { first, offsets } = this.blocks;
    // The last block whose first key is not after `key`
    let lo = 0;
    let hi = first.length - 1;
    let block = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((first[mid] as string) <= key) {
        block = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (block === -1) return false;
    const start = offsets[block] as number;
    const text = this.read(start, (offsets[block + 1] as number) - start);

    return text.startsWith(`${key}\n`) || text.includes(`\n${key}\n`);
  }
}
