/**
 * Shell text → flat list of simple commands, using unbash (loaded lazily, see load-parser.cjs).
 * Scripts unbash reports errors for are split by a conservative quote-aware fallback instead,
 * and the result is marked `fallback`.
 */
import type { Assignment, Command, ParsedScript, Redirected, Redirection, SyntaxNode, TestExpression, Word } from "unbash";
import { loadShellParser, loadShellVisitor } from "./load-parser.cjs";

/** One shell word after quote removal. `dynamic` = contains a runtime expansion. */
export type TWord = { text: string; dynamic: boolean };

/** One simple command with its context. */
export type TSimpleCommand = {
  argv: TWord[];
  assigns: { name: string; value: TWord }[];
  redirects: { op: string; target: TWord }[];
  /** Simple commands feeding this one through a pipe (earlier pipeline elements). */
  upstream: TSimpleCommand[];
  /** Heredoc or here-string text fed to this command's stdin. */
  stdinText?: string;
  /** Scripts run through command or process substitution inside this command's words. */
  substitutions: string[];
};

/** Parse result. */
export type TShellScript = { commands: TSimpleCommand[]; fallback: boolean };

const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;

/** Removes heredoc bodies, returning the script and the bodies by marker (input to {@link fallbackParse}). */
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
 * quoting, expansion other than globs, grouping, reserved words, comments, heredocs or `!`. For
 * this subset of the grammar the split of {@link fallbackParse} is exact (shell-parse.test.ts
 * checks it against unbash), so the parser module need not be loaded at all.
 */
const PLAIN_SCRIPT = /^[^'"`$\\(){}[#!]*$/;
// Reserved words start compound commands, whose pipes and redirects apply to every command inside.
const PLAIN_RESERVED = /(^|[\s;&|<>])(if|then|else|elif|fi|do|done|while|until|for|select|case|esac|in|function|coproc|time)(?=[\s;&|<>]|$)/;

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

// Inside double quotes: no expansion, escape or history character.
const PLAIN_DOUBLE_QUOTED = /^[^$`\\![]*$/;

/**
 * True when {@link parseShell} splits `source` without the parser module: the plain grammar
 * above, plus single-quoted strings and double-quoted ones without `$`, backticks, `\\` or `!`
 * (no `[` in either, as the splitter does not track quoting of bracket patterns).
 */
export function isPlainScript(source: string): boolean {
  if (source.includes("<<")) return false;
  if (!source.includes("'") && !source.includes('"')) return PLAIN_SCRIPT.test(source) && !PLAIN_RESERVED.test(source);
  let outside = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? "";
    if (c === "'" || c === '"') {
      const j = source.indexOf(c, i + 1);
      if (j === -1) return false;
      const inner = source.slice(i + 1, j);
      if (inner.includes("[") || (c === '"' && !PLAIN_DOUBLE_QUOTED.test(inner))) return false;
      // Stands in for the quoted text: one word character, no operator, no reserved word.
      outside += "x";
      i = j;
    } else outside += c;
  }

  return PLAIN_SCRIPT.test(outside) && !PLAIN_RESERVED.test(outside);
}

/**
 * Parses with unbash. A script it reports errors for (at any nesting level) gets the fallback
 * split, together with the simple commands its partial tree shows.
 */
export function parseWithParser(source: string): TShellScript {
  let partial: TSimpleCommand[] = [];
  try {
    const ast = loadShellParser()(source);
    const visit = loadShellVisitor();
    // INVARIANT: a partial tree from a tolerant parse is never trusted as a complete one.
    if (!hasParseErrors(ast, visit)) return { commands: collectCommands({ ast, source, visit }), fallback: false };
    partial = collectCommands({ ast, source, visit });
  } catch {
    // Stack exhaustion on adversarial nesting, or a parser bug: the splitter alone.
  }

  return parseFallback(source, partial);
}

/** The fallback split (heredoc bodies and process substitutions pre-processed by pattern), then `extra`. */
function parseFallback(source: string, extra: TSimpleCommand[]): TShellScript {
  const { script, bodies } = extractHeredocs(source);
  // Process substitution runs its command just like command substitution does.
  const pre = script.replace(/([<>])\(/g, (m, _c: string, off: number) => (script[off - 1] === "$" ? m : "$("));
  const commands = fallbackParse(pre, bodies);
  for (const c of extra) commands.push(c);

  return { commands, fallback: true };
}

type TVisit = (node: SyntaxNode, callback: (child: SyntaxNode) => void) => void;

type TSubstitution = Extract<SyntaxNode, { type: "CommandExpansion" | "ProcessSubstitution" | "ArithmeticCommandExpansion" }>;

/** `$(…)`, backticks, `${ …; }`, `<(…)`, `>(…)` and `$(…)` inside arithmetic: each runs a script. */
const isSubstitution = (node: SyntaxNode): node is TSubstitution => node.type === "CommandExpansion" || node.type === "ProcessSubstitution" || node.type === "ArithmeticCommandExpansion";

// A substitution ends with its own closing delimiter; a cut-off one means its extent is wrong.
const CLOSED_SUBSTITUTION = /^(?:[$<>]\(.*\)|`.*`|\$\{.*\})$/s;

/**
 * Errors in the script or in any substitution script below it (resolving every lazy one), and
 * trees unbash 6.0.4 gets wrong without an error: it splits `${x/pattern/…}` at a `/` inside a
 * `$(…)`, backticks or `$((…))` of the pattern, cutting the substitution short.
 */
function hasParseErrors(node: SyntaxNode, visit: TVisit): boolean {
  if (node.type === "Script" && (node.errors?.length ?? 0) > 0) return true;
  if (isSubstitution(node) && (node.script === undefined || !CLOSED_SUBSTITUTION.test(node.text))) return true;
  if (node.type === "Replace" && /\$[([]|`/.test(node.pattern.text)) return true;
  let found = false;
  visit(node, (child) => {
    if (!found) found = hasParseErrors(child, visit);
  });

  return found;
}

// Nodes that hold statements; every other node is a word, a redirect or an expression.
const STATEMENT_LEVEL = new Set(["Script", "Statement", "CompoundList", "CaseItem", "Elif", "Command", "Pipeline", "AndOr", "If", "For", "ArithmeticFor", "Select", "While", "Subshell", "BraceGroup", "Case", "TestCommand", "ArithmeticCommand", "Redirected", "Function", "Coproc"]);
// Word parts whose value is only known at run time.
const RUNTIME_PARTS = new Set(["SimpleExpansion", "ParameterExpansion", "ArithmeticExpansion", "Glob", "ExtendedGlob", "BraceExpansion", "CommandExpansion", "ProcessSubstitution", "ArithmeticCommandExpansion"]);

/**
 * Upstreams are exact for the first commands of a pipeline; past that, later commands share one
 * list of all the pipeline's commands (conservative), so memory stays linear in the script size.
 */
const MAX_EXACT_UPSTREAM = 64;
const MAX_PROPAGATED_REDIRECTS = 10_000;

function linkUpstream(cmd: TSimpleCommand, earlier: TSimpleCommand[]): void {
  if (earlier.length > MAX_EXACT_UPSTREAM) cmd.upstream = earlier;
  else for (const u of earlier) cmd.upstream.push(u);
}

const newCommand = (): TSimpleCommand => ({ argv: [], assigns: [], redirects: [], upstream: [], substitutions: [] });
const literal = (text: string): TWord => ({ text, dynamic: false });

/**
 * Walks an error-free unbash tree into simple commands in source order. Commands inside compound
 * statements are all collected; the words of a compound's own header (a `for` list, a `case`
 * word, arithmetic) become a command without argv that carries their substitutions.
 */
function collectCommands({ ast, source, visit }: { ast: ParsedScript; source: string; visit: TVisit }): TSimpleCommand[] {
  const out: TSimpleCommand[] = [];

  /** Records substitution scripts below `node` (not descending into them) and whether anything expands at run time. */
  const scan = (node: SyntaxNode, subs: string[], seen = { dynamic: false }): { dynamic: boolean } => {
    if (RUNTIME_PARTS.has(node.type)) seen.dynamic = true;
    if (isSubstitution(node)) {
      const script = node.script;
      // Nested substitutions are part of this text; the analyzer parses it again.
      if (script !== undefined) subs.push((script.source ?? source).slice(script.pos, script.end));

      return seen;
    }
    visit(node, (child) => scan(child, subs, seen));

    return seen;
  };
  const toWord = (word: Word, subs: string[]): TWord => {
    let text = word.value;
    // `<(cmd)` reads as `$(cmd)`: a file whose content a command produces (what the analyzer checks).
    for (const p of word.parts ?? []) if (p.type === "ProcessSubstitution") text = text.replace(p.text, () => `$${p.text.slice(1)}`);

    return { text, dynamic: scan(word, subs).dynamic };
  };
  const valueText = (a: Assignment): string => (a.value.type === "Word" ? a.value.value : a.value.elements.map((e) => e.value).join(" "));

  const redirect = (cmd: TSimpleCommand, r: Redirection): void => {
    if (r.type === "Redirect") {
      cmd.redirects.push({ op: r.operator, target: r.target === undefined ? literal("") : toWord(r.target, cmd.substitutions) });

      return;
    }
    let text: string;
    if (r.type === "HereString") text = r.target === undefined ? "" : toWord(r.target, cmd.substitutions).text;
    else {
      scan(r.body, cmd.substitutions);
      text = r.body.text.replace(/\n$/, "");
      if (r.operator === "<<-") text = text.replace(/^\t+/gm, "");
    }
    // Both feed stdin; keeping every one is conservative when several are given.
    cmd.stdinText = cmd.stdinText === undefined ? text : `${cmd.stdinText}\n${text}`;
  };

  const simpleCommand = (node: Command): TSimpleCommand => {
    const cmd = newCommand();
    out.push(cmd);
    for (const item of node.prefix) {
      if (item.type === "Assignment") cmd.assigns.push({ name: item.name, value: { text: valueText(item), dynamic: scan(item, cmd.substitutions).dynamic } });
      else redirect(cmd, item);
    }
    if (node.name !== undefined) cmd.argv.push(toWord(node.name, cmd.substitutions));
    for (const item of node.suffix) {
      if (item.type === "Word") cmd.argv.push(toWord(item, cmd.substitutions));
      // `export X=…`, `local`, `declare`: the assignment is an argument of the builtin.
      else if (item.type === "Assignment") cmd.argv.push({ text: item.text.slice(0, item.value.pos - item.pos) + valueText(item), dynamic: scan(item, cmd.substitutions).dynamic });
      else redirect(cmd, item);
    }

    return cmd;
  };

  const testWords = (e: TestExpression, subs: string[]): TWord[] => {
    switch (e.type) {
      case "TestUnary":
        return [literal(e.operator), toWord(e.operand, subs)];
      case "TestBinary":
        return [toWord(e.left, subs), literal(e.operator), toWord(e.right, subs)];
      case "TestLogical":
        return e.operands.flatMap((o, i) => (i === 0 ? testWords(o, subs) : [literal(e.operator), ...testWords(o, subs)]));
      case "TestNot":
        return [...e.negations.map(() => literal("!")), ...testWords(e.operand, subs)];
      case "TestGroup":
        return [literal("("), ...testWords(e.expression, subs), literal(")")];
    }
  };

  /** A compound command's redirects apply to every command inside it. */
  const redirected = (node: Redirected): TSimpleCommand[] => {
    const at = out.length;
    const produced = collect(node.command);
    const carrier = newCommand();
    for (const r of node.redirects) redirect(carrier, r);
    const inside = out.slice(at);
    // Past a size budget the carrier alone holds the redirects, so adversarial input stays linear.
    const propagate = inside.length * carrier.redirects.length <= MAX_PROPAGATED_REDIRECTS;
    for (const c of inside) {
      if (propagate) for (const r of carrier.redirects) c.redirects.push(r);
      if (c.stdinText === undefined && carrier.stdinText !== undefined) c.stdinText = carrier.stdinText;
    }
    // Redirections happen before the compound runs; the carrier keeps them when nothing is inside.
    if (inside.length === 0 || !propagate || carrier.substitutions.length > 0) out.splice(at, 0, carrier);

    return produced;
  };

  /** Simple commands in `node`, in source order (returned too, for pipeline upstreams). */
  const collect = (node: SyntaxNode): TSimpleCommand[] => {
    switch (node.type) {
      case "Command":
        return [simpleCommand(node)];
      case "Pipeline": {
        const produced: TSimpleCommand[] = [];
        for (const element of node.commands) {
          const cmds = collect(element);
          for (const c of cmds) linkUpstream(c, produced);
          for (const c of cmds) produced.push(c);
        }

        return produced;
      }
      case "Redirected":
        return redirected(node);
      case "TestCommand": {
        // `[[ … ]]` as an ordinary command, the way its words read.
        const cmd = newCommand();
        out.push(cmd);
        cmd.argv = [literal("[["), ...testWords(node.expression, cmd.substitutions), literal("]]")];

        return [cmd];
      }
      default: {
        const header = newCommand();
        const at = out.length;
        const produced: TSimpleCommand[] = [];
        visit(node, (child) => {
          if (STATEMENT_LEVEL.has(child.type)) for (const c of collect(child)) produced.push(c);
          else scan(child, header.substitutions);
        });
        if (header.substitutions.length > 0) out.splice(at, 0, header);

        return produced;
      }
    }
  };

  collect(ast);

  return out;
}

/** Shell-like quote removal (unbash gives words already unquoted; kept for callers of this module). */
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
 * Quote-aware split into simple commands on control operators; `$(…)` and backticks become
 * substitutions. Exact for plain scripts ({@link isPlainScript}), conservative for syntax the
 * parser rejects.
 */
export function fallbackParse(script: string, bodies: Map<string, string>): TSimpleCommand[] {
  const out: TSimpleCommand[] = [];
  let cur: TSimpleCommand = { argv: [], assigns: [], redirects: [], upstream: [], substitutions: [] };
  let pipeline: TSimpleCommand[] = [];
  let word = "";
  let dyn = false;
  let have = false;
  // Where quoting starts in the current word (-1: none): `'X=1' cmd` runs a command named X=1, and
  // `'2'>f` passes the argument 2; only unquoted text makes an assignment or a descriptor number.
  let quotedAt = -1;
  // Quoted words are never reserved words (`'if' x` runs a command named if).
  const quotedWords = new WeakSet<TWord>();
  let pendingRedirect: string | undefined;
  let afterPipe = false;
  const flushWord = (): void => {
    if (!have) return;
    // A bracket expression is a pathname pattern too (quoting is not tracked here: conservative).
    if (/\[.*\]/.test(word)) dyn = true;
    const w = { text: word, dynamic: dyn };
    if (quotedAt !== -1) quotedWords.add(w);
    if (pendingRedirect !== undefined) {
      const body = bodies.get(word);
      if (body !== undefined) cur.stdinText = body;
      else cur.redirects.push({ op: pendingRedirect, target: w });
      pendingRedirect = undefined;
    } else if (cur.argv.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(word) && (quotedAt === -1 || quotedAt > word.indexOf("="))) {
      const eq = word.indexOf("=");
      cur.assigns.push({ name: word.slice(0, eq).replace(/\+$/, ""), value: { text: word.slice(eq + 1), dynamic: dyn } });
    } else cur.argv.push(w);
    word = "";
    dyn = false;
    have = false;
    quotedAt = -1;
  };
  const endCommand = (pipe: boolean): void => {
    flushWord();
    // Reserved words introduce compound commands; the command that follows is what runs.
    while (cur.argv.length > 0 && RESERVED.has(cur.argv[0]?.text ?? "") && !quotedWords.has(cur.argv[0] as TWord)) cur.argv.shift();
    if (cur.argv.length > 0 || cur.assigns.length > 0 || cur.redirects.length > 0) {
      linkUpstream(cur, pipeline);
      out.push(cur);
      if (pipe) pipeline.push(cur);
      else pipeline = [];
    } else if (!pipe) pipeline = [];
    cur = { argv: [], assigns: [], redirects: [], upstream: [], substitutions: [] };
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i] ?? "";
    if ((c === "'" || c === '"' || c === "\\") && quotedAt === -1) quotedAt = word.length;
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
      // Digits right before the operator name a file descriptor, unless they are a redirect's target.
      if (have && pendingRedirect === undefined && /^\d+$/.test(word) && quotedAt === -1 && (script[i - 1] ?? "") !== " ") {
        word = "";
        have = false;
      }
      flushWord();
      let op = c;
      while (script[i + 1] === "<" || script[i + 1] === ">" || script[i + 1] === "&") op += script[++i] ?? "";
      if (op === ">" && script[i + 1] === "|") op += script[++i] ?? "";
      pendingRedirect = op;
    } else if (c === "&" && script[i + 1] === ">") {
      // `&>file`, `&>>file`: stdout and stderr to a file, not a background `&`.
      flushWord();
      pendingRedirect = script[i + 2] === ">" ? "&>>" : "&>";
      i += pendingRedirect.length - 1;
    } else {
      const op = OPERATORS.find((o) => script.startsWith(o, i));
      // A pipeline goes on after a newline that follows `|`.
      const continuesPipeline = op === "\n" && afterPipe && !have && pendingRedirect === undefined && cur.argv.length + cur.assigns.length + cur.redirects.length === 0;
      if (continuesPipeline) continue;
      if (op !== undefined) {
        afterPipe = op === "|" || op === "|&";
        endCommand(afterPipe);
        i += op.length - 1;
      } else {
        // `$` starts an expansion, `*` and `?` a pathname pattern: the value is known at run time only.
        if (c === "$" || c === "*" || c === "?") dyn = true;
        word += c;
        have = true;
      }
    }
  }
  endCommand(false);

  return out;
}
