/** Compiled glob: `*` matches any run of characters, `?` one character; everything else is literal. */
export type TGlobMatcher = (value: string) => boolean;

/** Compiles a list of shell-style globs into one anchored, case-sensitive matcher. */
export function compileGlobs(globs: readonly string[]): TGlobMatcher {
  if (globs.length === 0) return () => false;
  const exact = new Set<string>();
  const parts: string[] = [];
  for (const g of globs) {
    if (!/[*?]/.test(g)) exact.add(g);
    else parts.push(globToRegexSource(g));
  }
  // INVARIANT: patterns are anchored; a glob never matches a mere substring of a tool name.
  const re = parts.length > 0 ? new RegExp(`^(?:${parts.join("|")})$`, "s") : undefined;
  return (value) => exact.has(value) || (re !== undefined && re.test(value));
}

/** Converts one glob to a regular-expression source (no anchors). */
export function globToRegexSource(glob: string): string {
  let out = "";
  for (const ch of glob) {
    if (ch === "*") out += ".*";
    else if (ch === "?") out += ".";
    else out += ch.replace(/[.+^${}()|[\]\\/-]/g, "\\$&");
  }
  return out;
}
