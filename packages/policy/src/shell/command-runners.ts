/**
 * Programs that run commands named in their own arguments: `sed` (`e`, `s///e`), vi/vim/nvim/ex
 * (`-c '!cmd'`, `+'!cmd'`, `:terminal`, `system()`), `tar` (`--to-command`, `-I`, checkpoint
 * actions, remote archives). The command is analyzed as shell, or unknown when the data decides it.
 */
import { addHost, type TCmdInput } from "./net-commands.js";
import { persistenceKind } from "./persistence.js";

type TSedScan = { commands: string[]; dynamic: boolean; writes: string[] };

/** Scans a sed script for the `e` command, the `s///e` flag and `w` files. Undefined when it cannot be read. */
function scanSed(script: string): TSedScan | undefined {
  const out: TSedScan = { commands: [], dynamic: false, writes: [] };
  let i = 0;
  const toEol = (): string => {
    const end = script.indexOf("\n", i);
    const text = script.slice(i, end === -1 ? script.length : end);
    i = end === -1 ? script.length : end + 1;
    return text.trim();
  };
  const delimited = (delim: string): boolean => {
    for (; i < script.length; i++) {
      if (script[i] === "\\") i++;
      else if (script[i] === delim) {
        i++;
        return true;
      }
    }
    return false;
  };
  for (let guard = 0; guard < 10_000 && i < script.length; guard++) {
    const c = script[i] ?? "";
    if (/[\s;{}!]/.test(c)) {
      i++;
      continue;
    }
    if (c === "#") {
      toEol();
      continue;
    }
    // Addresses: line numbers, `$`, `first~step`, `/re/`, `\cREc`, ranges.
    if (/[\d$~,+]/.test(c)) {
      i++;
      continue;
    }
    if (c === "/" || c === "\\") {
      const delim = c === "/" ? "/" : (script[i + 1] ?? "");
      i += c === "/" ? 1 : 2;
      if (!delimited(delim)) return undefined;
      while (/[IM]/.test(script[i] ?? "")) i++;
      continue;
    }
    i++;
    if (c === "s" || c === "y") {
      const delim = script[i++] ?? "";
      if (delim === "" || delim === "\n" || delim === "\\" || !delimited(delim) || !delimited(delim)) return undefined;
      if (c === "y") continue;
      const flags = /^[0-9gpiImMe]*/.exec(script.slice(i))?.[0] ?? "";
      i += flags.length;
      if (flags.includes("e")) out.dynamic = true;
      if (script[i] === "w") {
        i++;
        out.writes.push(toEol());
      }
    } else if (c === "e") {
      // `e command` runs the command (to the end of the line); a bare `e` runs the pattern space.
      const rest = toEol();
      if (rest === "" || /^[;}]/.test(rest)) out.dynamic = true;
      else out.commands.push(rest);
    } else if (c === "w" || c === "W") out.writes.push(toEol());
    else if (/[aicrRbtTv:]/.test(c)) toEol();
    else if (!/[pdnNgGhHxlzqQ=FPD]/.test(c)) return undefined;
  }

  return out;
}

/** sed: scripts given with -e / --expression or as the first operand (`--sandbox` disables e, r and w). */
function analyzeSed(inp: TCmdInput): void {
  const scripts: string[] = [];
  let fromFile = false;
  let operandScript = true;
  const operands: string[] = [];
  for (let i = 0; i < inp.args.length; i++) {
    const a = inp.args[i] ?? "";
    if (a === "--sandbox") return;
    if (a.startsWith("--expression=")) scripts.push(a.slice(13));
    else if (a === "--expression") scripts.push(inp.args[++i] ?? "");
    else if (a.startsWith("--file")) fromFile = true;
    else if (/^-[a-zA-Z]+$/.test(a) && !a.startsWith("--")) {
      for (let k = 1; k < a.length; k++) {
        const f = a[k] ?? "";
        if (f === "i") break;
        if (f === "e" || f === "f" || f === "l") {
          const value = k + 1 < a.length ? a.slice(k + 1) : (inp.args[++i] ?? "");
          if (f === "e") scripts.push(value);
          if (f === "f") fromFile = true;
          break;
        }
      }
    } else if (!a.startsWith("-")) operands.push(a);
  }
  if (scripts.length > 0 || fromFile) operandScript = false;
  if (operandScript && operands[0] !== undefined) scripts.push(operands[0]);
  for (const script of scripts) {
    const scan = scanSed(script);
    if (scan === undefined) {
      if (/(^|[;{}\n\s\d$/])e(\s|$|;)|\/[gpiImM0-9]*e[gpiImM0-9]*(\s|$|;|})/.test(script)) inp.out.push({ type: "unknown", via: inp.via, detail: "sed script may run commands (`e`) and could not be read" });
      continue;
    }
    for (const c of scan.commands) inp.nested(c);
    if (scan.dynamic) inp.out.push({ type: "unknown", via: inp.via, detail: "sed `e` runs the text it edits as a command" });
    for (const w of scan.writes) {
      const kind = persistenceKind(w);
      if (kind !== undefined) inp.out.push({ type: "persistence", via: inp.via, path: w, kind });
    }
  }
}

const VIMS = new Set(["vi", "vim", "nvim", "ex", "view", "gvim", "vimdiff", "nvim-qt", "mvim", "evim"]);

/** One ex command line (`-c`, `+`, `--cmd`): shell escapes are analyzed, other-language code and `:execute` are unknown. */
function exCommand(inp: TCmdInput, line: string): void {
  let rest = line;
  for (let guard = 0; guard < 32 && rest.trim() !== ""; guard++) {
    const seg = rest.replace(/^[\s:]+/, "").replace(/^[%.$\d,'<>+\-/?]*\s*/, "").replace(/^sil(?:ent)?!?\s*/, "");
    const bang = /^(?:!|r(?:ead)?\s*!|w(?:rite)?\s+!|\d*,?\d*!|te(?:rm(?:inal)?)?\b(?:\s+\+\+\w+(?:=\S+)?)*)/.exec(seg);
    if (bang !== null) {
      // Everything after `!` (also later `|`) is the shell command.
      const cmd = seg.slice(bang[0].length).trim();
      if (cmd !== "") inp.nested(cmd);
      return;
    }
    const sys = /\b(system|systemlist|jobstart|termopen)\s*\(\s*(?:'([^']*)'|"([^"]*)")?/.exec(seg);
    if (sys !== null) {
      const lit = sys[2] ?? sys[3];
      if (lit === undefined || /\)\s*\.|\.\s*['"]/.test(seg.slice(sys.index + sys[0].length, sys.index + sys[0].length + 4))) inp.out.push({ type: "unknown", via: inp.via, detail: `${inp.name} runs a command built at run time (\`${sys[1] ?? ""}()\`)` });
      else inp.nested(lit);
    }
    if (/^(exe(c(ute)?)?|lua|luado|luafile|py|python|py3|python3|pyx|pythonx|pydo|py3do|perl|perldo|rub(y)?|rubydo|mz|tcl|tcldo)\b/.test(seg) || (/^norm(al)?!?\s/.test(seg) && seg.includes("!"))) {
      inp.out.push({ type: "unknown", via: inp.via, detail: `${inp.name} runs \`${seg.split(/\s/)[0] ?? ""}\` code, which cannot be checked` });
      return;
    }
    const bar = seg.indexOf("|");
    if (bar === -1) return;
    rest = seg.slice(bar + 1);
  }
}

/** vi/vim/nvim/ex: `-c`, `--cmd` and `+cmd` commands. */
function analyzeVim(inp: TCmdInput): void {
  for (let i = 0; i < inp.args.length; i++) {
    const a = inp.args[i] ?? "";
    if (a === "-c" || a === "--cmd") exCommand(inp, inp.args[++i] ?? "");
    else if (a.startsWith("+") && !/^\+\d*$/.test(a) && !a.startsWith("+/")) exCommand(inp, a.slice(1));
  }
}

const TAR_VALUE = new Set(["f", "C", "I", "F", "T", "X", "b", "g", "K", "L", "N", "V", "H"]);

/** tar: programs it runs (`--to-command`, `-I`, checkpoint actions, volume scripts) and remote archives (`-f host:path`). */
function analyzeTar(inp: TCmdInput): void {
  const opts: { flag: string; value: string }[] = [];
  const args = inp.args;
  let i = 0;
  // Old style: `tar xzf a.tar`, `tar cIf zstd x.tar .` — the values follow in the order of their letters.
  if (args[0] !== undefined && /^[A-Za-z]+$/.test(args[0])) {
    i = 1;
    for (const f of args[0]) if (TAR_VALUE.has(f)) opts.push({ flag: `-${f}`, value: args[i++] ?? "" });
  }
  for (; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq !== -1) opts.push({ flag: a.slice(0, eq), value: a.slice(eq + 1) });
      else if (/^--(to-command|use-compress-program|file|info-script|new-volume-script|rsh-command|checkpoint-action|directory)$/.test(a)) opts.push({ flag: a, value: args[++i] ?? "" });
      else opts.push({ flag: a, value: "" });
    } else if (/^-[A-Za-z]+$/.test(a)) {
      for (let k = 1; k < a.length; k++) {
        const f = a[k] ?? "";
        if (TAR_VALUE.has(f)) {
          opts.push({ flag: `-${f}`, value: k + 1 < a.length ? a.slice(k + 1) : (args[++i] ?? "") });
          break;
        }
        opts.push({ flag: `-${f}`, value: "" });
      }
    }
  }
  const forceLocal = opts.some((o) => o.flag === "--force-local");
  for (const o of opts) {
    if (o.flag === "--to-command" || o.flag === "--use-compress-program" || o.flag === "-I" || o.flag === "--info-script" || o.flag === "--new-volume-script" || o.flag === "-F" || o.flag === "--rsh-command") inp.nested(o.value);
    else if (o.flag === "--checkpoint-action" && /^exec=/.test(o.value)) inp.nested(o.value.slice(5));
    else if ((o.flag === "-f" || o.flag === "--file") && !forceLocal) {
      // GNU tar reaches `[user@]host:path` archives through rsh/ssh.
      const m = /^((?:[^@/:]+@)?[^/:]{2,}):/.exec(o.value);
      if (m) addHost(inp, m[1] ?? "", { scheme: "ssh", port: 22 });
    }
  }
}

/** Dispatches the programs above; returns true when `inp.name` is one of them. */
export function analyzeCommandRunner(inp: TCmdInput): boolean {
  if (inp.name === "sed" || inp.name === "gsed") analyzeSed(inp);
  else if (VIMS.has(inp.name)) analyzeVim(inp);
  else if (inp.name === "tar" || inp.name === "gtar" || inp.name === "bsdtar") analyzeTar(inp);
  else return false;

  return true;
}
