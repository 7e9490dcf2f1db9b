/** Small helpers over shell words shared by the command analyzers. */

/** Lower-case command basename without directory or `.exe`. */
export function commandName(word: string): string {
  const base = word.slice(word.lastIndexOf("/") + 1).toLowerCase();
  return base.endsWith(".exe") ? base.slice(0, -4) : base;
}

/**
 * Splits argv into options and operands. `valueFlags` lists options whose value is the next
 * word (single-letter ones may also be bundled: `-ovalue`, `-xvf file`).
 */
export function splitOptions(
  args: readonly string[],
  valueFlags: ReadonlySet<string>,
): { operands: string[]; options: { flag: string; value: string | undefined }[] } {
  const operands: string[] = [];
  const options: { flag: string; value: string | undefined }[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const flag = eq === -1 ? a : a.slice(0, eq);
      if (eq !== -1) options.push({ flag, value: a.slice(eq + 1) });
      else if (valueFlags.has(flag)) options.push({ flag, value: args[++i] });
      else options.push({ flag, value: undefined });
    } else if (a.startsWith("-") && a.length > 1) {
      let consumed = false;
      for (let k = 1; k < a.length; k++) {
        const flag = `-${a[k] ?? ""}`;
        if (valueFlags.has(flag)) {
          const value = k + 1 < a.length ? a.slice(k + 1) : args[++i];
          options.push({ flag, value });
          consumed = true;
          break;
        }
        options.push({ flag, value: undefined });
      }
      void consumed;
    } else operands.push(a);
  }
  return { operands, options };
}

/** True for a word that is a URL with a scheme. */
export function hasScheme(word: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(word);
}
