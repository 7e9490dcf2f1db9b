/** What a three-way merge of two editors' drafts produced. */
export type TMergeResult = { merged: Record<string, unknown>; conflicts: string[] };

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * Merges my edits onto their newer draft, section by section (two levels: `hosts.allow`,
 * `mcp.connectors`…): a section only I changed takes mine, a section only they changed keeps
 * theirs; a section we both changed differently keeps THEIRS and is reported as a conflict, so
 * nothing of theirs is lost silently and I can re-apply my change after looking.
 */
export function mergeDrafts({ base, mine, theirs }: { base: unknown; mine: unknown; theirs: unknown }): TMergeResult {
  const conflicts: string[] = [];
  const mergeLevel = (b: Record<string, unknown>, m: Record<string, unknown>, t: Record<string, unknown>, prefix: string, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...t };
    for (const key of new Set([...Object.keys(b), ...Object.keys(m), ...Object.keys(t)])) {
      const isMineChanged = !same(b[key], m[key]);
      const isTheirsChanged = !same(b[key], t[key]);
      if (!isMineChanged) continue;
      if (!isTheirsChanged || same(m[key], t[key])) {
        if (m[key] === undefined) delete out[key];
        else out[key] = m[key];
        continue;
      }
      const isNested = depth < 1 && [b[key], m[key], t[key]].every((v) => v === undefined || (typeof v === "object" && v !== null && !Array.isArray(v)));
      if (isNested) out[key] = mergeLevel(asObject(b[key]), asObject(m[key]), asObject(t[key]), `${prefix}${key}.`, depth + 1);
      else conflicts.push(`${prefix}${key}`);
    }

    return out;
  };

  return { merged: mergeLevel(asObject(base), asObject(mine), asObject(theirs), "", 0), conflicts };
}
