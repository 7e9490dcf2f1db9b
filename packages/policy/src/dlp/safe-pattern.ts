/** Longest custom pattern source accepted, in characters */
export const MAX_CUSTOM_PATTERN_LENGTH = 512;

type TQuantifier = { end: number; repeats: boolean };

// Reads a quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each optionally lazy)
function readQuantifier(source: string, i: number): TQuantifier | undefined {
  const ch = source[i];
  let end: number;
  let repeats: boolean;
  if (ch === "*" || ch === "+") {
    end = i + 1;
    repeats = true;
  } else if (ch === "?") {
    end = i + 1;
    repeats = false;
  } else if (ch === "{") {
    const match = /^\{(\d{1,6})(,(\d{0,6}))?\}/.exec(source.slice(i, i + 16));
    if (!match) return undefined;
    end = i + match[0].length;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === "" ? Infinity : Number(match[3]);
    repeats = max > 1;
  } else {
    return undefined;
  }
  if (source[end] === "?") end += 1;

  return { end, repeats };
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
 * Rejects sources over {@link MAX_CUSTOM_PATTERN_LENGTH} characters, backreferences, and nested
 * quantifiers (a repeated group that itself contains a repetition, like `(a+)+` or `(?:\w*x)*`).
 * Overlapping alternatives under one quantifier (`(a|a)*`) are not detected; the length cap and
 * keyword prefilter bound their cost
 */
export function unsafePatternReason(source: string): string | undefined {
  if (source.length > MAX_CUSTOM_PATTERN_LENGTH) return `pattern longer than ${MAX_CUSTOM_PATTERN_LENGTH} characters`;

  // Each open group records whether something inside it repeats
  const stack: boolean[] = [false];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    const quantifier = readQuantifier(source, i);
    if (quantifier) {
      if (quantifier.repeats) stack[stack.length - 1] = true;
      i = quantifier.end;
    } else if (ch === "\\") {
      const next = source[i + 1] ?? "";
      if (/[1-9]/.test(next) || (next === "k" && source[i + 2] === "<")) return "backreferences are not allowed";
      i += 2;
    } else if (ch === "[") {
      i = skipClass(source, i);
    } else if (ch === "(") {
      stack.push(false);
      i = skipGroupOpen(source, i);
    } else if (ch === ")") {
      const innerRepeats = stack.pop() ?? false;
      if (stack.length === 0) return "unbalanced parenthesis";
      const after = readQuantifier(source, i + 1);
      if (after?.repeats && innerRepeats) return `nested quantifier at offset ${i + 1}`;
      stack[stack.length - 1] = (stack[stack.length - 1] ?? false) || innerRepeats || (after?.repeats ?? false);
      i = after ? after.end : i + 1;
    } else {
      i += 1;
    }
  }

  return undefined;
}
