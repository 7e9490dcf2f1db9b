/** Reads a value at a dotted path of a JSON value. */
export function getAt(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), value);
}

/** A copy of `root` with `value` at the dotted `path` (undefined deletes; missing objects are created). */
export function setAt(root: unknown, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone((root ?? {}) as Record<string, unknown>);
  const keys = path.split(".");
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== "object" || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] ?? "";
  if (value === undefined) delete node[last];
  else node[last] = value;

  return copy;
}
