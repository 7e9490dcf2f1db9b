/**
 * Shell analysis: parse the command (real parser, see parse.ts), unwrap `env`/`sudo`/`timeout`…
 * prefixes, recurse into `bash -c`, `eval`, substitutions and heredocs, and report network
 * destinations, pipes into interpreters and download-then-execute. Policy-independent.
 */
import type { TShellFinding } from "./findings.js";
import type { TDestination } from "../hosts/normalize.js";
import { parseShell, type TSimpleCommand } from "./parse.js";
import { analyzeCurl, analyzeDns, analyzeNetcat, analyzeOpener, analyzeRemoteCopy, analyzeSocat, analyzeSsh, analyzeWget, addHost, addUrl, type TCmdInput } from "./net-commands.js";
import { analyzeGh, analyzeGit } from "./git.js";
import { analyzePackageManager, analyzeInlineCode, INTERPRETER, isInterpreter, SHELLS } from "./interpreters.js";
import { commandName, hasScheme } from "./words.js";
import { sensitiveInWords, tamperInCommand } from "./guards.js";

const MAX_DEPTH = 6;
const SAFE_FILTERS = new Set(["grep", "egrep", "fgrep", "rg", "jq", "yq", "awk", "sed", "sort", "uniq", "head", "tail", "tee", "cat", "wc", "tr", "cut", "less", "more", "column", "base64", "xxd", "od", "gunzip", "gzip", "zcat", "tar", "unzip", "bat", "diff", "md5sum", "sha256sum", "shasum", "fold", "fmt", "nl", "rev", "tac", "strings", "file", "hexdump", "python-json", "json_pp", "xmllint", "html2text", "pandoc", "iconv", "dos2unix", "true", "null"]);
const NETWORK_TRIGGER = /curl|wget|ssh|scp|sftp|rsync|nc\b|ncat|netcat|socat|telnet|ftp|dig|nslookup|host|drill|ping|trace|whois|open|browser|git|gh\b|npm|npx|pnpm|yarn|bun|pip|uv\b|poetry|cargo|gem|go\b|docker|podman|python|node|deno|ruby|perl|php|lua|pwsh|powershell|osascript|awk|bash|sh\b|zsh|dash|ksh|fish|eval|source|exec|env|sudo|xargs|find|tcp|udp|http|:\/\/|egress|claude|codex|gemini|cursor|copilot|hook|\.env|\.ssh|\.aws|id_rsa|id_ed|\.npmrc|\.netrc|\.pypirc|credential|\.key|\.pem|gnupg|kube|\.docker|gcloud|aria|xh\b|lynx|w3m|links|mosh|mail|smtp|kubectl|aws|gsutil|az\b|\.\/|chmod|\bat\b|crontab|\bsh$/i;

/** Analysis result for one shell command. */
export type TShellAnalysis = { findings: TShellFinding[]; fallback: boolean };

/** Analyzes a shell command (never throws). */
export function analyzeShell(command: string, opts: { protectedPaths?: readonly string[]; networkCommands?: readonly string[] } = {}): TShellAnalysis {
  const out: TShellFinding[] = [];
  // INVARIANT: the pre-filter only skips parsing when nothing that could reach the network,
  // change the guard or read a secret can appear: no quotes/expansions and no trigger word.
  const extra = opts.protectedPaths ?? [];
  const netCmds = opts.networkCommands ?? [];
  if (!/['"`$\\]/.test(command) && !NETWORK_TRIGGER.test(command) && !extra.some((e) => e !== "" && command.includes(e)) && !netCmds.some((c) => command.toLowerCase().includes(c))) return { findings: out, fallback: false };
  const vars = new Map<string, string>();
  for (const c of netCmds) vars.set(`netcmd:${c}`, "1");
  const fallback = analyzeScript(command, out, 0, vars, extra);
  return { findings: out, fallback };
}

function analyzeScript(script: string, out: TShellFinding[], depth: number, vars: Map<string, string>, extra: readonly string[], inSub = false): boolean {
  if (depth > MAX_DEPTH) {
    out.push({ type: "unknown", via: "shell", detail: "nesting too deep to analyze" });
    return false;
  }
  const parsed = parseShell(script);
  const downloads: string[] = [];
  const scripts = new Map<string, string>();
  for (const cmd of parsed.commands) analyzeCommand(cmd, out, depth, vars, downloads, extra, inSub, scripts);
  return parsed.fallback;
}

function analyzeCommand(cmd: TSimpleCommand, out: TShellFinding[], depth: number, vars: Map<string, string>, downloads: string[], extra: readonly string[], inSub: boolean, scripts: Map<string, string>): void {
  const nested = (s: string): void => void analyzeScript(s, out, depth + 1, vars, extra);
  for (const s of cmd.substitutions) void analyzeScript(s, out, depth + 1, vars, extra, true);
  const env = new Map<string, string>();
  for (const a of cmd.assigns) {
    env.set(a.name, a.value.text);
    if (cmd.argv.length === 0) vars.set(a.name, a.value.text);
  }
  let words = cmd.argv.map((w) => ({ text: expandVars(w.text, vars), dynamic: w.dynamic }));
  const via = words.map((w) => w.text).join(" ").slice(0, 200);
  for (const r of cmd.redirects) {
    const t = expandVars(r.target.text, vars);
    const m = /^\/dev\/(tcp|udp)\/([^/]+)\/(\d+)/.exec(t);
    if (m) out.push(...hostFinding(m[2] ?? "", via || "redirect"));
  }
  for (const w of words) {
    const m = /\/dev\/(tcp|udp)\/([^/\s]+)\/(\d+)/.exec(w.text);
    if (m) out.push(...hostFinding(m[2] ?? "", via));
  }
  out.push(...tamperInCommand(words.map((w) => w.text), env, cmd.redirects.map((r) => ({ op: r.op, target: expandVars(r.target.text, vars) })), extra));
  out.push(...sensitiveInWords(words.map((w) => w.text), cmd.redirects.map((r) => ({ op: r.op, target: expandVars(r.target.text, vars) })), inSub));
  // Unwrap prefix commands (env, sudo, timeout, …) to the command really run.
  for (let guard = 0; guard < 10 && words.length > 0; guard++) {
    const next = unwrap(commandName(words[0]?.text ?? ""), words.map((w) => w.text), env);
    if (next === undefined) break;
    if (typeof next === "string") return nested(next);
    words = next.map((t) => ({ text: t, dynamic: /[$`]/.test(t) }));
  }
  const first = words[0];
  if (first === undefined) return;
  const name = commandName(first.text);
  const args = words.slice(1).map((w) => w.text);
  const inp: TCmdInput = { name, args, dynamicArgs: words.slice(1).map((w) => w.dynamic), env, via, out, nested };
  if (first.dynamic || name === "") {
    if (words.some((w) => w.text.includes("://") || /^[\w.-]+@[\w.-]+:/.test(w.text) || looksLikeHost(w.text) || /(?<![\w-])(curl|wget|nc|ncat|ssh|scp|socat|telnet)(?![\w-])/.test(w.text))) out.push({ type: "unknown", via, detail: "command name is computed at run time" });
    return;
  }
  const upstreamNet = cmd.upstream.some((u) => isNetworkFetch(u));
  if (name === "alias") {
    for (const a of args) if (a.includes("=")) vars.set(`alias:${a.slice(0, a.indexOf("="))}`, a.slice(a.indexOf("=") + 1));
    return;
  }
  const alias = vars.get(`alias:${first.text}`);
  if (alias !== undefined) return nested([alias, ...args].join(" "));
  if (SHELLS.has(name) || isInterpreter(name)) {
    const script = interpreterScript(name, args);
    for (const a of args) if (hasScheme(a)) addUrl(inp, a);
    const fetched = cmd.substitutions.some((s) => FETCH_WORD.test(s));
    const decoded = cmd.upstream.some((u) => isDecoder(u)) || cmd.substitutions.some((s) => DECODER_WORD.test(s));
    if (decoded) out.push({ type: "unknown", via, detail: `an encoded script is decoded and run by \`${name}\`` });
    if (fetched) out.push({ type: "pipe-interpreter", via, interpreter: name });
    if (script !== undefined && cmd.substitutions.some((s) => /^\s*(printf|echo)\b/.test(s))) out.push({ type: "unknown", via, detail: `\`${name}\` runs a script assembled at run time` });
    if (script === undefined) {
      const fileArg = args.find((a) => !a.startsWith("-"));
      if (upstreamNet && fileArg === undefined) out.push({ type: "pipe-interpreter", via, interpreter: name });
      if (fileArg === undefined) {
        // `echo "…" | sh`: the echoed text is the script.
        for (const u of cmd.upstream) {
          const un = commandName(u.argv[0]?.text ?? "");
          if (un === "echo" || un === "printf") {
            const text = u.argv.slice(1).map((w) => w.text).filter((t) => !/^-[neE]+$/.test(t)).join(" ");
            if (SHELLS.has(name)) nested(text);
            else analyzeInlineCode(inp, text);
          }
        }
      }
      if (fileArg !== undefined && downloads.some((d) => samePath(d, fileArg))) out.push({ type: "download-exec", via, path: fileArg });
      const written = fileArg !== undefined ? scripts.get(fileArg.replace(/^\.\//, "")) : undefined;
      if (written !== undefined) {
        if (SHELLS.has(name)) nested(written);
        else analyzeInlineCode(inp, written);
      }
      if (fileArg === undefined && cmd.stdinText !== undefined) {
        if (SHELLS.has(name)) nested(cmd.stdinText);
        else analyzeInlineCode(inp, cmd.stdinText);
      }
      if (fileArg !== undefined && hasScheme(fileArg)) addUrl(inp, fileArg);
      if (fileArg !== undefined && /^\$\(|^`/.test(words.find((w) => w.text === fileArg)?.text ?? "")) out.push({ type: "download-exec", via, path: fileArg });
    } else if (SHELLS.has(name)) {
      if (cmd.substitutions.some((s) => /\b(curl|wget|fetch|nc|ncat)\b/.test(s))) out.push({ type: "pipe-interpreter", via, interpreter: name });
      nested(script);
    } else analyzeInlineCode(inp, script);
    return;
  }
  if (name === "eval") {
    if (cmd.substitutions.some((s) => /\b(curl|wget|nc|ncat)\b/.test(s))) out.push({ type: "pipe-interpreter", via, interpreter: "eval" });
    if (cmd.substitutions.some((s) => DECODER_WORD.test(s) || /^\s*(printf|echo)\b/.test(s))) out.push({ type: "unknown", via, detail: "eval runs a script assembled at run time" });
    return nested(args.join(" "));
  }
  if (name === "source" || name === ".") {
    const f = args[0] ?? "";
    if (downloads.some((d) => samePath(d, f)) || cmd.substitutions.some((s) => /\b(curl|wget)\b/.test(s))) out.push({ type: "download-exec", via, path: f });
    return;
  }
  if (first.text.includes("/") && downloads.some((d) => samePath(d, first.text))) out.push({ type: "download-exec", via, path: first.text });
  const ownScript = first.text.includes("/") ? scripts.get(first.text.replace(/^\.\//, "")) : undefined;
  if (ownScript !== undefined) nested(ownScript);
  const target = cmd.redirects.find((r) => r.op === ">" || r.op === ">>");
  if (target !== undefined && (name === "echo" || name === "printf" || (name === "cat" && cmd.stdinText !== undefined) || name === "tee")) {
    scripts.set(expandVars(target.target.text, vars).replace(/^\.\//, ""), cmd.stdinText ?? args.filter((a) => !/^-[neE]+$/.test(a)).join(" "));
  }
  if ((name === "docker" || name === "podman" || name === "nerdctl" || name === "kubectl") && /^(run|exec|create|debug)$/.test(args.find((a) => !a.startsWith("-")) ?? "")) {
    const i = args.findIndex((a, k) => k > 0 && (SHELLS.has(commandName(a)) || isInterpreter(commandName(a)) || CONTAINER_NET.has(commandName(a))));
    if (i !== -1) nested(args.slice(i).map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "")}'`)).join(" "));
    for (const a of args) for (const m of a.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi)) addUrl(inp, m[0]);
    return;
  }
  if (vars.has(`netcmd:${name}`)) {
    // Policy-declared network command: every URL or host-like operand is a destination.
    const dests = args.filter((a) => !a.startsWith("-") && (hasScheme(a) || looksLikeHost(a) || /^[\w.-]+@[\w.-]+/.test(a)));
    for (const d of dests) if (hasScheme(d)) addUrl(inp, d);
    else addHost(inp, d.replace(/:.*$/, ""));
    if (dests.length === 0) out.push({ type: "unknown", via, detail: `\`${name}\` is a network command without a verifiable destination` });
    return;
  }
  const result = dispatchNetwork(inp);
  if (result?.writes === true) for (const d of result.dests ?? []) out.push({ type: "forge-api-write", dest: d, via });
  if (result) {
    for (const d of result.downloads) downloads.push(d);
    const redirectOut = cmd.redirects.find((r) => r.op === ">" || r.op === ">>");
    if (redirectOut) downloads.push(expandVars(redirectOut.target.text, vars));
  }
}

const FETCH_WORD = /\b(curl|wget|fetch|nc|ncat|aria2c|http)\b/;
const DECODER_WORD = /\b(base64|base32|xxd|openssl\s+(enc|base64)|gunzip|zcat|uudecode|rev)\b|\\x[0-9a-f]{2}/i;
const CONTAINER_NET = new Set(["curl", "wget", "nc", "ncat", "ssh", "scp", "rsync", "socat", "telnet", "git"]);

/** A bare word that names a host (`evil.tld`, `api.example.com:443/x`), not a file. */
function looksLikeHost(word: string): boolean {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?(\/\S*)?$/i.test(word) && !/\.(txt|md|js|mjs|cjs|ts|tsx|jsx|json|py|rb|go|rs|java|sh|yml|yaml|toml|lock|cfg|ini|conf|log|csv|html|css|xml|env|sql|c|h|cpp|o|so|zip|gz|tar|png|jpg|svg|pdf)$/i.test(word.split(/[/:]/)[0] ?? "");
}

/** Decoders whose output piped into a shell hides the script that runs. */
function isDecoder(cmd: TSimpleCommand): boolean {
  const n = commandName(cmd.argv[0]?.text ?? "");
  return ["base64", "base32", "xxd", "uudecode", "gunzip", "zcat", "rev"].includes(n) || (n === "openssl" && cmd.argv.some((w) => w.text === "enc" || w.text === "base64")) || (n === "printf" && cmd.argv.some((w) => /\\x[0-9a-f]{2}|\\[0-7]{3}/i.test(w.text)));
}

/** Network-fetching commands (whose output piped into an interpreter is remote code). */
function isNetworkFetch(cmd: TSimpleCommand): boolean {
  const names = cmd.argv.map((w) => commandName(w.text));
  return names.some((n) => ["curl", "wget", "wget2", "http", "https", "xh", "nc", "ncat", "netcat", "socat", "aria2c", "fetch", "ftp", "tftp", "lftp", "scp", "ssh"].includes(n));
}

function dispatchNetwork(inp: TCmdInput): { downloads: string[]; writes?: boolean; dests?: TDestination[] } | undefined {
  switch (inp.name) {
    case "curl": return analyzeCurl(inp);
    case "wget": case "wget2": return analyzeWget(inp);
    case "http": case "https": case "xh": case "aria2c": case "axel": case "fetch": case "lynx": case "w3m": case "links": case "elinks": {
      const urls = inp.args.filter((a) => !a.startsWith("-") && (hasScheme(a) || /^[\w-]+(\.[\w-]+)+(:\d+)?(\/|$)/.test(a)));
      for (const u of urls) addUrl(inp, hasScheme(u) ? u : `http://${u}`);
      if (urls.length === 0 && !inp.args.some((a) => a === "--version" || a === "--help")) inp.out.push({ type: "unknown", via: inp.via, detail: `${inp.name} without a URL` });
      return { downloads: ["*"] };
    }
    case "ssh": case "ssh-copy-id": case "mosh": case "autossh": case "ssh-keyscan": analyzeSsh(inp); return undefined;
    case "scp": case "rsync": case "sftp": analyzeRemoteCopy(inp); return { downloads: [] };
    case "nc": case "ncat": case "netcat": case "telnet": case "ftp": case "tftp": case "lftp": case "gnutls-cli": analyzeNetcat(inp); return { downloads: ["*"] };
    case "socat": analyzeSocat(inp); return { downloads: ["*"] };
    case "openssl": {
      const i = inp.args.findIndex((a) => a === "-connect");
      if (inp.args[0] === "s_client") {
        if (i !== -1) addHost(inp, inp.args[i + 1] ?? "");
        else inp.out.push({ type: "unknown", via: inp.via, detail: "openssl s_client without -connect" });
      }
      return undefined;
    }
    case "dig": case "nslookup": case "host": case "drill": case "ping": case "ping6": case "traceroute": case "traceroute6": case "tracepath": case "mtr": case "whois": case "kdig": case "delv": analyzeDns(inp); return undefined;
    case "getent": if (/hosts/.test(inp.args[0] ?? "")) for (const a of inp.args.slice(1)) addHost(inp, a); return undefined;
    case "open": case "xdg-open": case "sensible-browser": case "x-www-browser": case "start": case "firefox": case "chromium": case "chromium-browser": case "google-chrome": case "gio": analyzeOpener(inp); return undefined;
    case "git": analyzeGit(inp); return undefined;
    case "gh": analyzeGh(inp); return undefined;
    default: analyzePackageManager(inp); return undefined;
  }
}

/** Returns the command after a wrapper, a shell string to analyze, or undefined when not a wrapper. */
function unwrap(name: string, argv: string[], env: Map<string, string>): string[] | string | undefined {
  const rest = argv.slice(1);
  const skipOpts = (valueOpts: string[]): string[] => {
    let i = 0;
    while (i < rest.length && (rest[i] ?? "").startsWith("-")) {
      const o = rest[i] ?? "";
      if (o === "--") return rest.slice(i + 1);
      i += valueOpts.includes(o) ? 2 : 1;
    }
    return rest.slice(i);
  };
  switch (name) {
    case "env": {
      let i = 0;
      for (; i < rest.length; i++) {
        const a = rest[i] ?? "";
        if (a === "-u" || a === "--unset" || a === "-C" || a === "--chdir") i++;
        else if (a === "-S" || a === "--split-string") return rest.slice(i + 1).join(" ");
        else if (a.startsWith("-S")) return [a.slice(2), ...rest.slice(i + 1)].join(" ");
        else if (a.startsWith("-")) continue;
        else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) env.set(a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1));
        else break;
      }
      return rest.slice(i);
    }
    case "sudo": case "doas": case "run0": return skipOpts(["-u", "-g", "-p", "-C", "-h", "-r", "-t", "-U", "-D", "--user", "--group"]).filter((a, i, all) => i > 0 || !/^[A-Za-z_]\w*=/.test(a) || all.length === 1);
    case "time": case "nohup": case "command": case "builtin": case "setsid": case "chronic": case "caffeinate": case "unbuffer": case "torsocks": case "proxychains": case "proxychains4": case "tsocks": case "busybox": case "toybox": case "catchsegv": case "firejail": case "systemd-run": {
      if (name === "command" && (rest[0] === "-v" || rest[0] === "-V")) return [];
      return skipOpts(["-f", "-q"].filter(() => name === "proxychains" || name === "proxychains4"));
    }
    case "exec": return skipOpts(["-a"]);
    case "nice": return skipOpts(["-n", "--adjustment"]);
    case "ionice": return skipOpts(["-c", "-n", "-p", "-t", "--class", "--classdata"]);
    case "stdbuf": return skipOpts(["-i", "-o", "-e", "--input", "--output", "--error"]);
    case "strace": case "ltrace": return skipOpts(["-o", "-e", "-p", "-s", "-u", "-E", "-a", "-b", "-I", "-O", "-P", "-S", "-X"]);
    case "sshpass": return skipOpts(["-p", "-f", "-d", "-P"]);
    case "timeout": { const r = skipOpts(["-s", "-k", "--signal", "--kill-after"]); return r.slice(1); }
    case "flock": { const r = skipOpts(["-w", "-E", "-c"]); if (argv.includes("-c")) return argv[argv.indexOf("-c") + 1] ?? ""; return r.slice(1); }
    case "xargs": return skipOpts(["-I", "-i", "-n", "-P", "-d", "-L", "-l", "-s", "-a", "-E", "-e", "--max-args", "--max-procs", "--delimiter", "--arg-file", "--replace"]);
    case "watch": return skipOpts(["-n", "-d", "--interval", "--differences"]).join(" ");
    case "su": case "runuser": case "script": { const i = argv.indexOf("-c"); return i === -1 ? undefined : (argv[i + 1] ?? ""); }
    case "find": case "fd": {
      const i = argv.findIndex((a) => a === "-exec" || a === "-execdir" || a === "-ok" || a === "-x" || a === "--exec" || a === "-X" || a === "--exec-batch");
      if (i === -1) return undefined;
      const tail = argv.slice(i + 1);
      const end = tail.findIndex((a) => a === ";" || a === "+" || a === "\\;");
      return end === -1 ? tail : tail.slice(0, end);
    }
    case "parallel": return rest.filter((a) => a !== ":::" && !a.startsWith("-")).join(" ");
    default: return undefined;
  }
}

/** Inline script of a shell (`-c`) or interpreter (`-c`, `-e`, `--eval`, `-r` …), if any. */
function interpreterScript(name: string, args: string[]): string | undefined {
  const flags = SHELLS.has(name) ? null : INTERPRETER.inlineFlags(name);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (!a.startsWith("-") || a === "--") return name === "awk" || name === "gawk" ? a : undefined;
    if (flags === null) {
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a) || a === "--command") return args[i + 1] ?? "";
    } else if (flags.includes(a)) return args[i + 1] ?? "";
    else if (flags.some((f) => f.length === 2 && a.startsWith(f) && a.length > 2 && !a.startsWith("--"))) return a.slice(2);
  }
  return undefined;
}

function expandVars(text: string, vars: Map<string, string>): string {
  if (vars.size === 0 || !text.includes("$")) return text;
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, n: string) => vars.get(n) ?? m);
}

function samePath(downloaded: string, executed: string): boolean {
  if (downloaded === "*") return executed.startsWith("/tmp/") || executed.startsWith("./") || !executed.includes("/");
  const norm = (p: string): string => p.replace(/^\.\//, "");
  return norm(downloaded) === norm(executed) || (downloaded.split("/").pop() ?? "") === (executed.split("/").pop() ?? "");
}

function hostFinding(host: string, via: string): TShellFinding[] {
  const out: TShellFinding[] = [];
  addHost({ name: "dev-tcp", args: [], dynamicArgs: [], env: new Map(), via, out, nested: () => undefined }, host);
  return out;
}

/** True when a command name reads only local data even though its argument mentions a network word. */
export function isSafeFilter(name: string): boolean {
  return SAFE_FILTERS.has(name);
}
