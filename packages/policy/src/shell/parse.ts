/**
 * Shell text → flat list of simple commands, using @ericcornelissen/bash-parser (loaded lazily,
 * see load-parser.cjs). Heredoc bodies and process substitutions are pre-processed because the
 * parser does not model them; if it still fails, a conservative quote-aware fallback splitter
 * is used and the result is marked `fallback`.
 */
import { loadBashParser } from "./load-parser.cjs";

/** One shell word after quote removal. `dynamic` = contains a runtime expansion. */
export type TWord = { text: string; dynamic: boolean };

/** One simple command with its context. */
export type TSimpleCommand = {
  argv: TWord[];
  assigns: { name: string; value: TWord }[];
  redirects: { op: string; target: TWord }[];
  /** Simple commands feeding this one through a pipe (earlier pipeline elements). */
  upstream: TSimpleCommand[];
  /** Heredoc body fed to this command's stdin. */
  stdinText?: string;
  /** Scripts run through command substitution inside this command's words. */
  substitutions: string[];
};

/** Parse result. */
export type TShellScript = { commands: TSimpleCommand[]; fallback: boolean };

type TNode = { type?: string; [k: string]: unknown };

const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;

/** Removes heredoc bodies, returning the script and the bodies by marker. */
export function extractHeredocs(script: string): { script: string; bodies: Map<string, string> } {
  const bodies = new Map<string, string>();
  if (!script.includes("<<")) return { script, bodies };
  const lines = script.split("\n");
  const out: string[] = [];
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? "";
    const pending: { marker: string; delim: string; strip: boolean }[] = [];
    line = line.replace(HEREDOC, (m: string, dash: string, _q: string, delim: string, offset: number) => {
      if (line[offset + 2] === "<") return m; // here-string <<<
      const marker = `__egress_heredoc_${n++}__`;
      pending.push({ marker, delim, strip: dash === "-" });
      return `< ${marker}`;
    });
    out.push(line);
    for (const p of pending) {
      const body: string[] = [];
      while (i + 1 < lines.length) {
        i++;
        const l = lines[i] ?? "";
        if ((p.strip ? l.replace(/^\t+/, "") : l).trim() === p.delim) break;
        body.push(l);
      }
      bodies.set(p.marker, body.join("\n"));
    }
  }
  return { script: out.join("\n"), bodies };
}

/**
 * Scripts made only of plain words, whitespace, control operators and simple redirects: no
 * quoting, expansion, grouping, comments, heredocs or `!`. For this subset of the grammar the
 * split below is exact, so the parser module need not be loaded at all.
 */
const PLAIN_SCRIPT = /^[^'"`$\\(){}#!]*$/;

const CACHE_SIZE = 256;
const cache = new Map<string, TShellScript>();

/**
 * Parses a shell script. Never throws. Results are memoized (bounded, by source text): the hook
 * asks for the remotes a command needs and then evaluates it, and both walk the same parse.
 */
export function parseShell(source: string): TShellScript {
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  const parsed = isPlainScript(source) ? { commands: fallbackParse(source, new Map()), fallback: false } : parseWithParser(source);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? "");
  cache.set(source, parsed);
  return parsed;
}

/** True when {@link parseShell} splits `source` without the parser module. */
export function isPlainScript(source: string): boolean {
  return PLAIN_SCRIPT.test(source) && !source.includes("<<");
}

/** Parses with bash-parser (plus heredoc / process-substitution pre-processing and fallback). */
export function parseWithParser(source: string): TShellScript {
  const { script, bodies } = extractHeredocs(source);
  // Process substitution runs its command just like command substitution does.
  const pre = script.replace(/([<>])\(/g, (m, _c: string, off: number) => (script[off - 1] === "$" ? m : "$("));
  try {
    const parse = loadBashParser();
    const ast = parse(pre, { mode: "bash" }) as TNode;
    const commands: TSimpleCommand[] = [];
    walk(ast, commands, bodies);
    return { commands, fallback: false };
  } catch {
    return { commands: fallbackParse(pre, bodies), fallback: true };
  }
}

function walk(node: unknown, out: TSimpleCommand[], bodies: Map<string, string>): TSimpleCommand[] {
  if (node === null || typeof node !== "object") return [];
  if (Array.isArray(node)) return node.flatMap((n) => walk(n, out, bodies));
  const n = node as TNode;
  if (n.type === "Command") return [commandFromNode(n, out, bodies)];
  if (n.type === "Pipeline" && Array.isArray(n.commands)) {
    const produced: TSimpleCommand[] = [];
    for (const element of n.commands) {
      const cmds = walk(element, out, bodies);
      for (const c of cmds) c.upstream.push(...produced);
      produced.push(...cmds);
    }
    return produced;
  }
  const produced: TSimpleCommand[] = [];
  for (const [k, v] of Object.entries(n)) if (k !== "loc" && k !== "type") produced.push(...walk(v, out, bodies));
  return produced;
}

function toWord(w: TNode, subs: string[]): TWord {
  const text = typeof w.text === "string" ? w.text : "";
  const exps = Array.isArray(w.expansion) ? (w.expansion as TNode[]) : [];
  for (const e of exps) if (e.type === "CommandExpansion" && typeof e.command === "string") subs.push(e.command);
  const dynamic = exps.length > 0 || /[$`]/.test(text);
  return { text: exps.length > 0 || /^["']/.test(text) ? unquote(text) : text, dynamic };
}

function commandFromNode(n: TNode, out: TSimpleCommand[], bodies: Map<string, string>): TSimpleCommand {
  const cmd: TSimpleCommand = { argv: [], assigns: [], redirects: [], upstream: [], substitutions: [] };
  const take = (item: TNode): void => {
    if (item.type === "AssignmentWord") {
      const w = toWord(item, cmd.substitutions);
      const eq = w.text.indexOf("=");
      cmd.assigns.push({ name: w.text.slice(0, eq), value: { text: w.text.slice(eq + 1), dynamic: w.dynamic } });
    } else if (item.type === "Redirect") {
      const op = (item.op as TNode | undefined)?.text;
      const target = toWord((item.file as TNode | undefined) ?? {}, cmd.substitutions);
      const body = bodies.get(target.text);
      if (body !== undefined) cmd.stdinText = body;
      else cmd.redirects.push({ op: typeof op === "string" ? op : "", target });
    } else if (item.type === "Word") cmd.argv.push(toWord(item, cmd.substitutions));
  };
  for (const p of (n.prefix as TNode[] | undefined) ?? []) take(p);
  if (n.name) take(n.name as TNode);
  for (const s of (n.suffix as TNode[] | undefined) ?? []) take(s);
  out.push(cmd);
  return cmd;
}

/** Shell-like quote removal for words the parser left quoted. */
export function unquote(text: string): string {
  let out = "";
  let q: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (q === "'") {
      if (c === "'") q = undefined;
      else out += c;
    } else if (c === "\\" && i + 1 < text.length) {
      out += text[++i] ?? "";
    } else if (q === '"') {
      if (c === '"') q = undefined;
      else out += c;
    } else if (c === "'" || c === '"') q = c;
    else out += c;
  }
  return out;
}

const RESERVED = new Set(["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "for", "select", "case", "esac", "in", "function", "!", "{", "}", "coproc"]);
const OPERATORS = ["&&", "||", ";;", "|&", ";", "|", "&", "\n", "(", ")", "{", "}"];

/**
 * Conservative fallback for syntax the parser rejects: quote-aware split into simple commands
 * on control operators; `$(…)` and backticks become substitutions.
 */
export function fallbackParse(script: string, bodies: Map<string, string>): TSimpleCommand[] {
  const out: TSimpleCommand[] = [];
  let cur: TSimpleCommand = { argv: [], assigns: [], redirects: [], upstream: [], substitutions: [] };
  let pipeline: TSimpleCommand[] = [];
  let word = "";
  let dyn = false;
  let have = false;
  let pendingRedirect: string | undefined;
  const flushWord = (): void => {
    if (!have) return;
    const w = { text: word, dynamic: dyn };
    if (pendingRedirect !== undefined) {
      const body = bodies.get(word);
      if (body !== undefined) cur.stdinText = body;
      else cur.redirects.push({ op: pendingRedirect, target: w });
      pendingRedirect = undefined;
    } else if (cur.argv.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) {
      const eq = word.indexOf("=");
      cur.assigns.push({ name: word.slice(0, eq), value: { text: word.slice(eq + 1), dynamic: dyn } });
    } else cur.argv.push(w);
    word = "";
    dyn = false;
    have = false;
  };
  const endCommand = (pipe: boolean): void => {
    flushWord();
    // Reserved words introduce compound commands; the command that follows is what runs.
    while (cur.argv.length > 0 && RESERVED.has(cur.argv[0]?.text ?? "")) cur.argv.shift();
    if (cur.argv.length > 0 || cur.assigns.length > 0 || cur.redirects.length > 0) {
      cur.upstream.push(...pipeline);
      out.push(cur);
      pipeline = pipe ? [...pipeline, cur] : [];
    } else if (!pipe) pipeline = [];
    cur = { argv: [], assigns: [], redirects: [], upstream: [], substitutions: [] };
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i] ?? "";
    if (c === "'") {
      const j = script.indexOf("'", i + 1);
      word += script.slice(i + 1, j === -1 ? undefined : j);
      have = true;
      i = j === -1 ? script.length : j;
    } else if (c === '"' || c === "`" || (c === "$" && script[i + 1] === "(")) {
      const close = c === "$" ? ")" : c;
      let depth = 0;
      let j = c === "$" ? i + 2 : i + 1;
      const start = j;
      for (; j < script.length; j++) {
        const d = script[j];
        if (d === "\\") j++;
        else if (c === "$" && d === "(") depth++;
        else if (d === close && depth === 0) break;
        else if (c === "$" && d === ")") depth--;
      }
      const inner = script.slice(start, j);
      if (c === "`" || c === "$") cur.substitutions.push(inner);
      else for (const m of inner.matchAll(/\$\(([^)]*)\)|`([^`]*)`/g)) cur.substitutions.push(m[1] ?? m[2] ?? "");
      if (c !== '"' || /[$`]/.test(inner)) dyn = true;
      word += c === '"' ? inner.replace(/\\(.)/g, "$1") : "";
      have = true;
      i = j;
    } else if (c === "\\") {
      word += script[++i] ?? "";
      have = true;
    } else if (c === " " || c === "\t") flushWord();
    else if (c === "<" || c === ">") {
      if (have && /^\d+$/.test(word) && (script[i - 1] ?? "") !== " ") {
        word = "";
        have = false;
      }
      flushWord();
      let op = c;
      while (script[i + 1] === "<" || script[i + 1] === ">" || script[i + 1] === "&") op += script[++i] ?? "";
      pendingRedirect = op;
    } else {
      const op = OPERATORS.find((o) => script.startsWith(o, i));
      if (op !== undefined) {
        endCommand(op === "|" || op === "|&");
        i += op.length - 1;
      } else {
        if (c === "$") dyn = true;
        word += c;
        have = true;
      }
    }
  }
  endCommand(false);
  return out;
}
