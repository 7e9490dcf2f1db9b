/** One line of a text diff: kept (` `), added (`+`) or removed (`-`). */
export type TDiffLine = { op: " " | "+" | "-"; text: string };

// Above this many cells the LCS table is not built; the diff degrades to "all removed, all added".
const MAX_CELLS = 4_000_000;

/** Line diff of two texts (longest common subsequence), bounded in memory for huge documents. */
export function diffLines(before: string, after: string): TDiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  // Common prefix and suffix keep the table small for the usual small edit.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).map((text): TDiffLine => ({ op: " ", text }));
  const tail = a.slice(endA).map((text): TDiffLine => ({ op: " ", text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);

  return [...head, ...diffMiddle(midA, midB), ...tail];
}

function diffMiddle(a: string[], b: string[]): TDiffLine[] {
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) {
    return [...a.map((text): TDiffLine => ({ op: "-", text })), ...b.map((text): TDiffLine => ({ op: "+", text }))];
  }
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? (table[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const out: TDiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: " ", text: a[i] ?? "" });
      i++;
      j++;
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) {
      out.push({ op: "-", text: a[i++] ?? "" });
    } else {
      out.push({ op: "+", text: b[j++] ?? "" });
    }
  }
  while (i < a.length) out.push({ op: "-", text: a[i++] ?? "" });
  while (j < b.length) out.push({ op: "+", text: b[j++] ?? "" });

  return out;
}

/** Keeps changed lines with `context` lines around them; long unchanged runs become one `…` marker. */
export function collapseContext(lines: TDiffLine[], context = 3): (TDiffLine | { op: "…"; skipped: number })[] {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, index) => {
    if (line.op === " ") return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) keep[k] = true;
  });
  const out: (TDiffLine | { op: "…"; skipped: number })[] = [];
  let skipped = 0;
  lines.forEach((line, index) => {
    if (keep[index]) {
      if (skipped > 0) out.push({ op: "…", skipped });
      skipped = 0;
      out.push(line);
    } else skipped++;
  });
  if (skipped > 0) out.push({ op: "…", skipped });

  return out;
}
