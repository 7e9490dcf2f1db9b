/** Longest custom pattern source accepted, in characters */
export const MAX_CUSTOM_PATTERN_LENGTH = 512;

/** Most repetitions of a group that holds an alternation (`(foo|bar){1,3}` is fine, `(a|ab)*` is not) */
const MAX_ALTERNATION_REPEATS = 10;

type TQuantifier = { end: number; repeats: boolean; max: number };

// Reads a quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each optionally lazy)
function readQuantifier(source: string, i: number): TQuantifier | undefined {
  const ch = source[i];
  let end: number;
  let max: number;
  if (ch === "*" || ch === "+") {
    end = i + 1;
    max = Infinity;
  } else if (ch === "?") {
    end = i + 1;
    max = 1;
  } else if (ch === "{") {
    const match = /^\{(\d{1,6})(,(\d{0,6}))?\}/.exec(source.slice(i, i + 16));
    if (!match) return undefined;
    end = i + match[0].length;
    const min = Number(match[1]);
    max = match[2] === undefined ? min : match[3] === "" ? Infinity : Number(match[3]);
  } else {
    return undefined;
  }
  if (source[end] === "?") end += 1;

  return { end, repeats: max > 1, max };
}

// Index just past a character class starting at `i` (`[` … `]`, escapes honoured)
function skipClass(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === "^") j += 1;
  if (source[j] === "]") j += 1;
  while (j < source.length && source[j] !== "]") j += source[j] === "\\" ? 2 : 1;

  return j + 1;
}

// Index just past a group opener: `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`
function skipGroupOpen(source: string, i: number): number {
  if (source[i + 1] !== "?") return i + 1;
  const rest = source.slice(i + 2, i + 40);
  const named = /^<[A-Za-z_$][\w$]*>/.exec(rest);
  if (named) return i + 2 + named[0].length;

  return i + 2 + (rest.startsWith("<=") || rest.startsWith("<!") ? 2 : 1);
}

/**
 * Why a custom pattern could backtrack catastrophically, or `undefined` when it is safe enough
 *
 * Rejects sources over {@link MAX_CUSTOM_PATTERN_LENGTH} characters, backreferences, nested
 * quantifiers (a repeated group that itself contains a repetition, like `(a+)+` or `(?:\w*x)*`),
 * and alternations in a group repeated more than {@link MAX_ALTERNATION_REPEATS} times (`(a|ab)*`:
 * overlapping alternatives backtrack exponentially, and telling overlapping ones from disjoint ones
 * is not worth the risk; a character class says `(a|b)+` better). The hook cannot interrupt a
 * regular expression that hangs, so a pattern that might is refused when the policy is compiled.
 * Hand-written: the ReDoS checkers on npm (e.g. redos-detector) take hundreds of milliseconds per
 * pattern, too slow for the hook, which compiles the policy's patterns on every call
 */
export function unsafePatternReason(source: string): string | undefined {
  if (source.length > MAX_CUSTOM_PATTERN_LENGTH) return `pattern longer than ${MAX_CUSTOM_PATTERN_LENGTH} characters`;

  // Each open group records whether something inside it repeats, and whether it holds an alternation
  const stack: { repeats: boolean; alternation: boolean }[] = [{ repeats: false, alternation: false }];
  const top = (): { repeats: boolean; alternation: boolean } => stack[stack.length - 1] ?? { repeats: false, alternation: false };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    const quantifier = readQuantifier(source, i);
    if (quantifier) {
      if (quantifier.repeats) top().repeats = true;
      i = quantifier.end;
    } else if (ch === "\\") {
      const next = source[i + 1] ?? "";
      if (/[1-9]/.test(next) || (next === "k" && source[i + 2] === "<")) return "backreferences are not allowed";
      i += 2;
    } else if (ch === "[") {
      i = skipClass(source, i);
    } else if (ch === "(") {
      stack.push({ repeats: false, alternation: false });
      i = skipGroupOpen(source, i);
    } else if (ch === "|") {
      top().alternation = true;
      i += 1;
    } else if (ch === ")") {
      const inner = stack.pop() ?? { repeats: false, alternation: false };
      if (stack.length === 0) return "unbalanced parenthesis";
      const after = readQuantifier(source, i + 1);
      if (after?.repeats && inner.repeats) return `nested quantifier at offset ${i + 1}`;
      if (after !== undefined && after.max > MAX_ALTERNATION_REPEATS && inner.alternation) return `alternation inside a group repeated more than ${MAX_ALTERNATION_REPEATS} times at offset ${i + 1} (use a character class, or bound the repetition)`;
      const outer = top();
      outer.repeats = outer.repeats || inner.repeats || (after?.repeats ?? false);
      outer.alternation = outer.alternation || inner.alternation;
      i = after ? after.end : i + 1;
    } else {
      i += 1;
    }
  }

  return undefined;
}
