/**
 * Inline interpreter code that runs commands or code: calls that run a command (`os.system`,
 * `subprocess.run`, `child_process.exec*`, perl/ruby/php `system`, backticks, pipe opens, awk
 * `system`/`| getline`) have their literal command analyzed as shell; a command or code that is
 * built at run time (variables, concatenation, f-strings, decoded bytes, computed module or
 * attribute names) cannot be checked and is unknown.
 */
import type { TCmdInput } from "./net-commands.js";

type TLang = "python" | "js" | "perl" | "ruby" | "php" | "awk" | "ps" | "other";

function langOf(name: string): TLang {
  if (/^(python[0-9.]*|pypy[0-9.]*|ipython)$/.test(name)) return "python";
  if (/^(node|nodejs|bun|deno|tsx|ts-node)$/.test(name)) return "js";
  if (/^perl[0-9.]*$/.test(name)) return "perl";
  if (/^ruby[0-9.]*$/.test(name)) return "ruby";
  if (/^php[0-9.]*$/.test(name)) return "php";
  if (/^[gmn]?awk$/.test(name)) return "awk";
  if (name === "pwsh" || name === "powershell") return "ps";
  return "other";
}

type TString = { text: string; end: number } | "dynamic" | undefined;

/** The string literal at `i`, "dynamic" when it interpolates (f-strings, `${}`, `#{}`, `"$var"`), undefined when there is none. */
function readString(code: string, i: number, lang: TLang): TString {
  const prefix = lang === "python" ? (/^[rRbBuUfF]{0,2}/.exec(code.slice(i, i + 2))?.[0] ?? "") : "";
  const at = i + prefix.length;
  const q = code[at] ?? "";
  if (!(q === "'" || q === '"' || (q === "`" && lang === "js"))) return undefined;
  if (lang === "awk" && q !== '"') return undefined;
  const triple = lang === "python" && code.startsWith(q.repeat(3), at);
  const close = triple ? q.repeat(3) : q;
  let j = at + close.length;
  let text = "";
  while (j < code.length && !code.startsWith(close, j)) {
    if (code[j] === "\\" && j + 1 < code.length) {
      text += code[j + 1] ?? "";
      j += 2;
    } else text += code[j++] ?? "";
  }
  if (j >= code.length) return "dynamic";
  const interpolates = (/f/i.test(prefix) && text.includes("{")) || (q === "`" && text.includes("${")) || (q === '"' && ((lang === "perl" && /[$@][\w{]/.test(text)) || (lang === "php" && /\$\w|\{\$/.test(text)) || (lang === "ruby" && text.includes("#{"))));

  return interpolates ? "dynamic" : { text, end: j + close.length };
}

/**
 * The arguments of a call whose list starts at `i` (just after `(`, or after a sink name called
 * without parentheses): positional literal strings and lists of them, with keyword/option
 * arguments skipped. "dynamic" when any positional part is computed.
 */
function literalArgs(code: string, i: number, lang: TLang, paren: boolean): string[][] | "dynamic" {
  const args: string[][] = [];
  const skipWs = (): void => {
    while (i < code.length && /\s/.test(code[i] ?? "") && (paren || code[i] !== "\n")) i++;
  };
  let afterComma = false;
  for (let guard = 0; guard < 64; guard++) {
    skipWs();
    const c = code[i] ?? "";
    if (c === ")" || (!paren && (c === "" || c === ";" || c === "\n" || c === "}"))) return args;
    if (c === "") return "dynamic";
    if (c === ",") {
      i++;
      afterComma = true;
      continue;
    }
    const s = readString(code, i, lang);
    // JavaScript: what follows the command and its argument list (callbacks, options) is not part of the command.
    if (s === undefined && lang === "js" && afterComma && args.length > 0 && c !== "[") return args;
    afterComma = false;
    if (s === "dynamic") return "dynamic";
    if (s !== undefined) {
      args.push([s.text]);
      i = s.end;
      continue;
    }
    if (c === "[" || (c === "(" && lang === "python")) {
      const closing = c === "[" ? "]" : ")";
      const list: string[] = [];
      i++;
      for (;;) {
        skipWs();
        if (code[i] === closing) {
          i++;
          break;
        }
        if (code[i] === ",") {
          i++;
          continue;
        }
        const e = readString(code, i, lang);
        if (e === undefined || e === "dynamic") return "dynamic";
        list.push(e.text);
        i = e.end;
      }
      args.push(list);
      continue;
    }
    // Options: `shell=True`, `capture_output=True`, `{ stdio: 'inherit' }`, `key => 'v'`.
    const kw = /^(\w+\s*=(?!=)|\w+\s*=>)\s*/.exec(code.slice(i));
    if (kw && lang !== "js") {
      i += kw[0].length;
      const v = readString(code, i, lang);
      if (v !== undefined && v !== "dynamic") i = v.end;
      else {
        const plain = /^[\w.]+(?!\s*\()/.exec(code.slice(i));
        if (plain === null || v === "dynamic") return "dynamic";
        i += plain[0].length;
      }
      continue;
    }
    if (c === "{") {
      const end = code.indexOf("}", i);
      if (end === -1 || /[()`+[]/.test(code.slice(i + 1, end))) return "dynamic";
      i = end + 1;
      continue;
    }
    return "dynamic";
  }

  return "dynamic";
}

/** Shell text of a command given as literal arguments (`"curl x"`, `["curl", "x"]`, `'curl', ['x']`). */
function commandText(args: string[][]): string {
  const first = args[0];
  if (args.length === 1 && first?.length === 1) return first[0] ?? "";

  return args.flat().map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(" ");
}

// Calls that run a shell command, per language. Names any code may use are matched bare; module members explicitly.
const SHELL_SINKS: Record<TLang, RegExp> = {
  python: /(?<![\w.])(?:os\s*\.\s*(?:system|popen|exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?)|subprocess\s*\.\s*(?:run|call|check_call|check_output|getoutput|getstatusoutput|Popen)|pty\s*\.\s*spawn|commands\s*\.\s*getoutput)\s*\(|\.\s*(?:system|popen|Popen|check_output|check_call|getoutput|getstatusoutput|exec[lv]p?e?|spawn[lv]p?e?)\s*\(|(?<=\)\s*\.\s*)(?:run|call)\s*\(|(?<![\w.])(?:system|popen|Popen|check_output|check_call|getoutput|getstatusoutput)\s*\(/g,
  js: /(?<![\w$])(?:execSync|execFileSync|spawnSync|execFile|exec|spawn)\s*\(|\.\s*(?:execSync|execFileSync|spawnSync|execFile|spawn|exec)\s*\(|\bBun\s*\.\s*spawn(?:Sync)?\s*\(|\bDeno\s*\.\s*(?:run|Command)\s*\(/g,
  perl: /(?<![\w$&>])(?:system|exec)\b\s*\(?/g,
  ruby: /(?<![\w$.])(?:system|exec|spawn)\b\s*\(?|(?:IO\s*\.\s*popen|Open3\s*\.\s*\w+|Kernel\s*\.\s*(?:system|exec|spawn)|Process\s*\.\s*spawn)\s*\(?/g,
  php: /(?<![\w$>])(?:system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec)\s*\(/g,
  awk: /(?<![\w])system\s*\(/g,
  ps: /(?!)/g,
  other: /(?<![\w.])(?:system|system2|popen)\s*\(|(?:os\s*\.\s*execute|io\s*\.\s*popen)\s*\(/g,
};
// Calls that run code given as a string, and imports of a module named at run time.
const CODE_SINKS: Record<TLang, RegExp> = {
  python: /(?<![\w.])(?:eval|exec|execfile|compile|__import__|import_module)\b\s*\(?|\.\s*(?:import_module|run_module|run_path|exec|eval)\s*\(/g,
  js: /(?<![\w$])(?:eval|Function|require|import|runInThisContext|runInNewContext|runInContext|compileFunction)\s*\(|(?<![\w$.])(?:eval|Function)\b/g,
  perl: /(?<![\w$])eval\b(?!\s*\{)\s*\(?|(?<![\w$])require\s*\(?\s*\$/g,
  ruby: /(?<![\w$])(?:eval|instance_eval|class_eval|module_eval|instance_exec|const_get|send|public_send|__send__|require|load)\b(?!\s*\{|\s+do\b)\s*\(?/g,
  php: /(?<![\w$>])(?:eval|assert|create_function|include|require|include_once|require_once)\b\s*\(?/g,
  awk: /(?!)/g,
  ps: /\b(?:iex|invoke-expression|invoke-command)\b|\[scriptblock\]\s*::\s*create/gi,
  other: /(?<![\w.])(?:eval|load|loadstring|dofile)\s*\(/g,
};
// Lookups of a function or module by a computed name.
const COMPUTED_LOOKUP: Partial<Record<TLang, RegExp>> = {
  python: /(?:globals|locals|vars)\s*\([^)]*\)\s*\[|__dict__\s*\[|\bmodules\s*\[|__builtins__\s*\[|\bgetattr\s*\(\s*(?:__import__|__builtins__|builtins|importlib|globals|locals|vars|sys\.modules)|\bgetattr\s*\(/,
  js: /(?:globalThis|global|window|self|process|module|this|\))\s*\[(?!\s*\d+\s*\])|process\s*\.\s*(?:binding|_linkedBinding|dlopen)\s*\(/,
  perl: /&\s*\$|\$\w+\s*->\s*\(|&\s*\{|\bno\s+strict\b/,
  php: /(?<![\w>])\$\w+\s*\(|call_user_func|\bReflectionFunction\b/,
};
const DECODER = /b64decode|base64|atob\s*\(|fromhex|unhexlify|codecs\s*\.\s*decode|\bzlib\b|\bmarshal\b|pickle\s*\.\s*loads|fromCharCode|\bchr\s*\(|FromBase64String|\bpack\s*\(|\bunpack\s*\(|rot13|\\x[0-9a-f]{2}/i;

/**
 * Rewrites lookups by a literal name into plain member access, so the sinks below see them:
 * `getattr(os, 'system')` → `os.system`, `obj['exec']` → `obj.exec`.
 */
function normalize(code: string): string {
  // `import subprocess as sp` / `from os import system as s`: the alias is the module or function.
  for (const m of code.matchAll(/\bimport\s+(os|subprocess|pty|importlib|builtins)\s+as\s+(\w+)/g)) code = code.replace(new RegExp(`\\b${m[2] ?? ""}\\s*\\.`, "g"), `${m[1] ?? ""}.`);
  for (const m of code.matchAll(/\bimport\s+(\w+)\s+as\s+(\w+)/g)) if (/^(system|popen|Popen|run|call|check_output|exec\w*|spawn\w*|eval|import_module)$/.test(m[1] ?? "")) code = code.replace(new RegExp(`\\b${m[2] ?? ""}\\s*\\(`, "g"), `${m[1] ?? ""}(`);
  return code.replace(/\bgetattr\s*\(\s*([\w.]+(?:\([^()]*\))?)\s*,\s*(['"])(\w+)\2\s*\)/g, "$1.$3").replace(/\[\s*(['"])(\w+)\1\s*\]/g, ".$2");
}

/** Findings for inline code that runs commands or code (see the module comment). */
export function inlineExecution(inp: TCmdInput, rawCode: string): void {
  const lang = langOf(inp.name);
  const code = normalize(rawCode);
  const unknown = (what: string): void => {
    const decoded = DECODER.test(code) ? " from decoded or assembled text" : "";
    inp.out.push({ type: "unknown", via: inp.via, detail: `${inp.name} inline code ${what}${decoded}, which cannot be checked` });
  };
  if (lang === "python" && /\bgetattr\s*\(\s*(?:__import__|__builtins__|builtins|importlib)/.test(rawCode)) {
    unknown("looks up a function of a module by name (`getattr(__import__ …)`)");
    return;
  }
  // Bun's shell: $`cmd` runs a command line.
  if (lang === "js") for (const m of code.matchAll(/(?<![\w$])\$\s*(?=`)/g)) {
    const t = readString(code, (m.index ?? 0) + m[0].length, lang);
    if (t === undefined || t === "dynamic") unknown("runs a shell command built at run time (Bun `$`)");
    else inp.nested(t.text);
  }
  for (const m of code.matchAll(SHELL_SINKS[lang])) {
    // Node's exec/spawn exist only through child_process (a RegExp's `.exec()` is not a command).
    if (lang === "js" && !/\b(?:Bun|Deno)\b/.test(m[0]) && !/child_process/.test(code)) continue;
    const after = (m.index ?? 0) + m[0].length;
    const args = literalArgs(code, after, lang, m[0].trimEnd().endsWith("("));
    if (args === "dynamic" || args.length === 0) {
      unknown(`runs a command built at run time (\`${m[0].replace(/\s+/g, "").slice(0, 40)}…\`)`);
      return;
    }
    inp.nested(commandText(args));
  }
  // perl/ruby pipe opens (`open(F, "|curl …")`, `open(my $f, "-|", "curl", …)`) and `qx{…}` / `%x(…)`.
  if (lang === "perl" || lang === "ruby" || lang === "php" || lang === "other") {
    for (const m of code.matchAll(/\bopen\s*\(?\s*(?:my\s+)?[$\w]*\s*,?\s*/g)) {
      const args = literalArgs(code, (m.index ?? 0) + m[0].length, lang, m[0].includes("("));
      const texts = args === "dynamic" ? [] : args.flat();
      const mode = texts.findIndex((t) => t.trim() === "-|" || t.trim() === "|-");
      if (mode !== -1) inp.nested(commandText(texts.slice(mode + 1).map((t) => [t])));
      else for (const t of texts) if (/^\s*\||\|\s*$/.test(t)) inp.nested(t.replace(/^\s*\||\|\s*$/g, ""));
      if (args === "dynamic" && /\|/.test(code.slice((m.index ?? 0), (m.index ?? 0) + 200).split(/[;\n]/)[0] ?? "")) unknown("opens a pipe to a command built at run time");
    }
    for (const m of code.matchAll(/`([^`]*)`/g)) {
      if (/[$@][\w{]|#\{/.test(m[1] ?? "")) unknown("runs a command built at run time (backticks with interpolation)");
      else inp.nested(m[1] ?? "");
    }
    for (const m of code.matchAll(/(?:\bqx|%x)\s*([{([<|!/])/g)) {
      const open = m[1] ?? "";
      const close = { "{": "}", "(": ")", "[": "]", "<": ">" }[open] ?? open;
      const start = (m.index ?? 0) + m[0].length;
      const end = code.indexOf(close, start);
      inp.nested(code.slice(start, end === -1 ? undefined : end));
    }
  }
  // awk: `"cmd" | getline`, `print … | "cmd"`; a computed command on either side is unknown.
  if (lang === "awk") {
    for (const m of code.matchAll(/("(?:[^"\\]|\\.)*"|[\w$)\]]+)\s*\|&?\s*getline\b/g)) {
      const lhs = m[1] ?? "";
      if (lhs.startsWith('"')) inp.nested(lhs.slice(1, -1));
      else unknown("reads from a command built at run time (`| getline`)");
    }
    for (const m of code.matchAll(/\bprintf?\b[^;{}\n|]*(?<!\|)\|(?!\|)&?\s*("(?:[^"\\]|\\.)*"|\S+)/g)) {
      const target = m[1] ?? "";
      if (target.startsWith('"')) inp.nested(target.slice(1, -1));
      else unknown("writes to a command built at run time (`print | cmd`)");
    }
  }
  for (const m of code.matchAll(CODE_SINKS[lang])) {
    const name = m[0].replace(/[\s(]+$/, "");
    const after = (m.index ?? 0) + m[0].length;
    const args = m[0].trimEnd().endsWith("(") || lang === "perl" || lang === "ruby" || lang === "php" ? literalArgs(code, after, lang, m[0].trimEnd().endsWith("(")) : "dynamic";
    if (lang === "ps" || args === "dynamic" || args.length === 0) {
      unknown(`runs code or imports a module it builds at run time (\`${name.slice(0, 40)}\`)`);
      return;
    }
  }
  const lookup = COMPUTED_LOOKUP[lang];
  if (lookup !== undefined && lookup.test(code)) unknown("calls a function or module looked up by a computed name");
}
