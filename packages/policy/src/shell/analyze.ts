/**
 * Shell analysis: parse the command (real parser, see parse.ts), unwrap `env`/`sudo`/`timeout`…
 * prefixes, recurse into `bash -c`, `eval`, substitutions and heredocs, and report network
 * destinations, pipes into interpreters and download-then-execute. Policy-independent.
 */
import type { TShellFinding } from "./findings.js";
import type { TDestination } from "../hosts/normalize.js";
import { parseShell, type TSimpleCommand } from "./parse.js";
import { analyzeOtherProgram, analyzeCurl, analyzeDns, analyzeNetcat, analyzeOpener, analyzeRemoteCopy, analyzeSocat, analyzeSsh, analyzeWget, addHost, addUrl, type TCmdInput } from "./net-commands.js";
import { analyzeGh, analyzeGit } from "./git.js";
import { analyzePackageManager, analyzeInlineCode, INTERPRETER, isInterpreter, SHELLS } from "./interpreters.js";
import { commandName, hasScheme } from "./words.js";
import { sensitiveInWords, shellGlobSource, tamperInCommand } from "./guards.js";
import { persistenceInCommand } from "./persistence.js";
import { analyzeCommandRunner } from "./command-runners.js";
import { analyzeContainerCli, CONTAINER_CLIS } from "./containers.js";

const MAX_DEPTH = 6;
const MAX_PIPELINE = 64;
const SAFE_FILTERS = new Set(["grep", "egrep", "fgrep", "rg", "jq", "yq", "awk", "sed", "sort", "uniq", "head", "tail", "tee", "cat", "wc", "tr", "cut", "less", "more", "column", "base64", "xxd", "od", "gunzip", "gzip", "zcat", "tar", "unzip", "bat", "diff", "md5sum", "sha256sum", "shasum", "fold", "fmt", "nl", "rev", "tac", "strings", "file", "hexdump", "python-json", "json_pp", "xmllint", "html2text", "pandoc", "iconv", "dos2unix", "true", "null"]);
const NETWORK_TRIGGER = /\b(rm|mv|rmdir|unlink|shred|chmod|chown|chgrp|chattr|ln|truncate|trash)\b|:\/\/|mysql|mariadb|psql|pg_dump|redis|mongo|ldap|smbclient|sshfs|nmap|masscan|svn|\bhg\b|websocat|wscat|grpcurl|mosquitto|kcat|kafkacat|\bnats\b|swaks|sendmail|mutt|msmtp|rclone|yt-dlp|youtube-dl|\b(get|post|head)\b|lwp-|resolvectl|vault|consul|terraform|ansible|ngrok|cloudflared|\blt\b|localtunnel|\bbore\b|frpc|chisel|iperf|speedtest|gnutls|\bmtr\b|delv|axel|curl|wget|ssh|scp|sftp|rsync|nc\b|ncat|netcat|socat|telnet|ftp|dig|nslookup|host|drill|ping|trace|whois|open|browser|git|gh\b|npm|npx|pnpm|yarn|bun|pip|uv\b|poetry|cargo|gem|go\b|docker|podman|python|node|deno|ruby|perl|php|lua|pwsh|powershell|osascript|awk|bash|sh\b|zsh|dash|ksh|fish|eval|source|exec|env|sudo|xargs|find|tcp|udp|http|:\/\/|egress|claude|codex|gemini|cursor|copilot|hook|\.env|\.ssh|\.aws|id_rsa|id_ed|\.npmrc|\.netrc|\.pypirc|credential|\.key|\.pem|gnupg|kube|\.docker|gcloud|aria|xh\b|lynx|w3m|links|mosh|mail|smtp|kubectl|aws|gsutil|az\b|\.\/|chmod|\bat\b|crontab|\bsh$|profile|zlog|\b(g|bsd)?tar\b|parallel|\bg?sed\b|\bn?vim?\b|\bex\b|nerdctl/i;

/** Analysis result for one shell command. */
export type TShellAnalysis = { findings: TShellFinding[]; fallback: boolean };

/** Analyzes a shell command (never throws). */
export function analyzeShell(command: string, opts: { protectedPaths?: readonly string[]; networkCommands?: readonly string[] } = {}): TShellAnalysis {
  const out: TShellFinding[] = [];
  // INVARIANT: the pre-filter only skips parsing when nothing that could reach the network,
  // change the guard or read a secret can appear: no quotes, expansions, globs or braces (a
  // command name like `cu?l` or `{cu,}rl`) and no trigger word.
  const extra = opts.protectedPaths ?? [];
  const netCmds = opts.networkCommands ?? [];
  if (!/['"`$\\*?[{]/.test(command) && !NETWORK_TRIGGER.test(command) && !extra.some((e) => e !== "" && command.includes(e)) && !netCmds.some((c) => command.toLowerCase().includes(c))) return { findings: out, fallback: false };
  const vars = new Map<string, string>();
  for (const c of netCmds) vars.set(`netcmd:${c}`, "1");
  const fallback = analyzeScript(command, out, 0, vars, extra);
  // INVARIANT: a split the parser did not confirm never allows a network-shaped command on its own.
  if (fallback && NETWORK_TRIGGER.test(command)) out.push({ type: "unknown", via: "shell", detail: "the command could not be parsed completely (unbalanced quotes, brackets or substitutions), so where it connects cannot be verified; fix the syntax and retry" });
  return { findings: out, fallback };
}

function analyzeScript(script: string, out: TShellFinding[], depth: number, vars: Map<string, string>, extra: readonly string[], inSub = false): boolean {
  if (depth > MAX_DEPTH) {
    out.push({ type: "unknown", via: "shell", detail: "nesting too deep to analyze" });
    return false;
  }
  const parsed = parseShell(script);
  // Past this many pipeline stages the per-command upstream checks would be quadratic.
  if (parsed.commands.some((c) => c.upstream.length > MAX_PIPELINE)) {
    out.push({ type: "unknown", via: "shell", detail: `a pipeline of more than ${MAX_PIPELINE} commands is too long to analyze` });
    return parsed.fallback;
  }
  const downloads: string[] = [];
  const scripts = new Map<string, string>();
  for (const cmd of parsed.commands) analyzeCommand(cmd, out, depth, vars, downloads, extra, inSub, scripts);
  return parsed.fallback;
}

function analyzeCommand(cmd: TSimpleCommand, out: TShellFinding[], depth: number, vars: Map<string, string>, downloads: string[], extra: readonly string[], inSub: boolean, scripts: Map<string, string>): void {
  const nested = (s: string): void => void analyzeScript(s, out, depth + 1, vars, extra);
  for (const s of cmd.substitutions) void analyzeScript(s, out, depth + 1, vars, extra, true);
  // Quoted `$(…)` text that bash may still evaluate (array subscripts in arithmetic, `printf -v`,
  // `read`, `${x@P}`, PS4, BASH_ENV): analyzed as if it ran, when it mentions a network command.
  for (const w of [...cmd.argv, ...cmd.assigns.map((a) => a.value)]) {
    if (w.dynamic || (!w.text.includes("$(") && !w.text.includes("`"))) continue;
    for (const m of w.text.matchAll(/\$\(([^()]*)\)|`([^`]*)`/g)) {
      const inner = m[1] ?? m[2] ?? "";
      if (NETWORK_TRIGGER.test(inner)) void analyzeScript(inner, out, depth + 1, vars, extra, true);
    }
  }
  const env = new Map<string, string>();
  // Variables exported earlier in the script reach this command's environment.
  for (const [k, v] of vars) if (k.startsWith("export:")) env.set(k.slice(7), v);
  for (const a of cmd.assigns) {
    env.set(a.name, a.value.text);
    if (cmd.argv.length === 0) vars.set(a.name, a.value.text);
  }
  let words = cmd.argv.map((w) => ({ text: expandVars(w.text, vars), dynamic: w.dynamic }));
  const via = words.map((w) => w.text).join(" ").slice(0, 200);
  for (const r of cmd.redirects) {
    const t = expandVars(r.target.text, vars);
    if (/>/.test(r.op) && PACKAGE_CONFIG.test(t)) out.push({ type: "unknown", via: via || "redirect", detail: `writing \`${t.slice(0, 80)}\` changes where downloads and packages come from for later commands` });
    const m = /^\/dev\/(tcp|udp)\/([^/]+)\/(\d+)/.exec(t);
    if (m) out.push(...hostFinding(m[2] ?? "", via || "redirect"));
  }
  for (const w of words) {
    const m = /\/dev\/(tcp|udp)\/([^/\s]+)\/(\d+)/.exec(w.text);
    if (m) out.push(...hostFinding(m[2] ?? "", via));
  }
  const redirects = cmd.redirects.map((r) => ({ op: r.op, target: expandVars(r.target.text, vars) }));
  // After `cd ~/.claude`, `rm settings.json` removes ~/.claude/settings.json: relative paths are
  // checked where they point once the script changed into a known directory
  const cwd = vars.get(CWD);
  const here = (p: string): string => (cwd === undefined || !isRelativePath(p) ? p : p === "." ? cwd : `${cwd}/${p.replace(/^(\.\/)+/, "")}`);
  const pathWords = words.map((w, k) => (k === 0 ? w.text : here(w.text)));
  const pathRedirects = redirects.map((r) => ({ op: r.op, target: here(r.target) }));
  out.push(...tamperInCommand(pathWords, env, pathRedirects, extra));
  out.push(...sensitiveInWords(pathWords, pathRedirects, inSub));
  out.push(...persistenceInCommand(pathWords, pathRedirects));
  changeDirectory(words, vars);
  // Unwrap prefix commands (env, sudo, timeout, …) to the command really run.
  let viaXargs = false;
  for (let guard = 0; guard < 10 && words.length > 0; guard++) {
    const wrapper = commandName(words[0]?.text ?? "");
    const next = unwrap(wrapper, words.map((w) => w.text), env);
    if (next === undefined) break;
    if (typeof next === "string") return nested(next);
    if (wrapper === "xargs" || wrapper === "parallel") viaXargs = true;
    words = next.map((t) => ({ text: t, dynamic: /[$`]/.test(t) }));
  }
  // The command a wrapper runs writes files too (`sudo tee ~/.bashrc`).
  if (words.length !== cmd.argv.length) out.push(...persistenceInCommand(words.map((w) => w.text), []));
  const first = words[0];
  if (first === undefined) return;
  const name = commandName(first.text);
  const args = words.slice(1).map((w) => w.text);
  const inp: TCmdInput = { name, args, dynamicArgs: words.slice(1).map((w) => w.dynamic), env, via, out, nested, ...(cwd !== undefined || vars.has(CWD_UNKNOWN) ? { cwd: cwd ?? "(a directory the command changed into)" } : {}) };
  const upstreamNet = cmd.upstream.some((u) => isNetworkFetch(u));
  if ((first.dynamic || name === "") && upstreamNet) {
    // `curl … | $(which bash)`, `curl … | /bin/b?sh`: fetched text into a program named at run time
    out.push({ type: "pipe-interpreter", via, interpreter: first.text.slice(0, 40) });
    return;
  }
  if (name === "make" && upstreamNet && args.some((a, k) => (a === "-f" || a === "--file" || a === "--makefile") && args[k + 1] === "-")) {
    out.push({ type: "pipe-interpreter", via, interpreter: "make" });
    return;
  }
  if (first.dynamic || name === "" || name === "{}") {
    const sub = substitutionScript(first.text);
    if (sub !== undefined) {
      // `$(echo curl) evil.tld`: the substitution's output is the command that runs.
      const producers = parseShell(sub).commands;
      const made = producedScripts(producers, scripts);
      for (const t of made.texts) nested([t, ...words.slice(1).map((w) => w.text)].join(" "));
      // A local tool's output (`$(which python)`) names a local program; fetched or decoded text does not.
      const remote = producers.find((p) => isNetworkFetch(p) || isDecoder(p));
      if (remote !== undefined) out.push({ type: "unknown", via, detail: `the command that runs is produced at run time by \`${commandName(remote.argv[0]?.text ?? "")}\`` });
      if (made.texts.length > 0 || remote !== undefined) return;
    }
    const param = /^\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9@*])(?:[:-][^}]*)?\}?$/.exec(first.text);
    if ((param !== null && (depth > 0 || upstreamNet || vars.has(`read:${param[1] ?? ""}`))) || name === "{}") {
      out.push({ type: "unknown", via, detail: "the command that runs is taken from run-time data (a variable, argument or input line)" });
      return;
    }
    if (mayNameNetworkCommand(first.text) || words.some((w) => w.text.includes("://") || /^[\w.-]+@[\w.-]+:/.test(w.text) || looksLikeHost(w.text.replace(/\.$/, "")) || /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/.test(w.text) || /(?<![\w-])(curl|wget|nc|ncat|ssh|scp|socat|telnet)(?![\w-])/.test(w.text))) out.push({ type: "unknown", via, detail: "command name is computed at run time" });
    return;
  }
  if (name === "read" || name === "mapfile" || name === "readarray") {
    for (const a of args) if (/^[A-Za-z_]\w*$/.test(a)) vars.set(`read:${a}`, "1");
    if (!args.some((a) => /^[A-Za-z_]\w*$/.test(a))) vars.set(`read:${name === "read" ? "REPLY" : "MAPFILE"}`, "1");
  }
  if (name === "export" || ((name === "declare" || name === "typeset") && args.some((a) => /^-[a-zA-Z]*x/.test(a)))) {
    for (const a of args) {
      const eq = a.indexOf("=");
      if (eq > 0 && /^[A-Za-z_]\w*$/.test(a.slice(0, eq))) vars.set(`export:${a.slice(0, eq)}`, a.slice(eq + 1));
    }
    return;
  }
  if (name === "crontab" && !args.some((a) => a === "-l" || a === "-r")) {
    out.push({ type: "unknown", via, detail: "installs scheduled jobs, which would run later outside the guard" });
    return;
  }
  if ((name === "at" || name === "batch") && !args.some((a) => a === "-l" || a === "-r" || a === "-d")) {
    const made = producedScripts(cmd.upstream, scripts, undefined, cmd.stdinText);
    for (const t of made.texts) nested(t);
    if (made.opaque !== undefined || (made.texts.length === 0 && args.includes("-f"))) out.push({ type: "unknown", via, detail: "schedules a job whose commands cannot be checked" });
    return;
  }
  if (name === "trap") {
    // `trap 'cmd' EXIT` runs cmd later in this shell.
    const action = args.find((a) => a !== "--" && !/^-[lp]$/.test(a));
    if (action !== undefined && action !== "-" && action !== "") nested(action);
    return;
  }
  if (name === "alias") {
    for (const a of args) if (a.includes("=")) vars.set(`alias:${a.slice(0, a.indexOf("="))}`, a.slice(a.indexOf("=") + 1));
    return;
  }
  // `hash -p /usr/bin/curl ls` makes `ls` run curl
  if (name === "hash" && args[0] === "-p" && args[1] !== undefined && args[2] !== undefined) {
    vars.set(`alias:${args[2]}`, args[1]);
    return;
  }
  // A network program copied or linked under another name (`cp /usr/bin/curl ./ls`, `ln -s "$(command -v curl)" /tmp/f`)
  if ((name === "cp" || name === "ln" || name === "install" || name === "mv") && args.filter((a) => !a.startsWith("-")).length >= 2) {
    const ops = args.filter((a) => !a.startsWith("-"));
    const dest = ops[ops.length - 1] ?? "";
    const source = ops.slice(0, -1).map((o, k) => (/^\$\(|^`/.test(o) ? (cmd.substitutions[k] ?? o) : o)).find((o) => mayNameNetworkCommand(commandName(o.split(/\s+/).pop() ?? "")));
    if (source !== undefined) {
      const prog = commandName(source.split(/\s+/).pop() ?? "");
      for (const spelling of [dest, `./${dest.replace(/^\.\//, "")}`, dest.replace(/^\.\//, "")]) vars.set(`alias:${spelling}`, prog);
    }
  }
  const alias = vars.get(`alias:${first.text}`);
  if (alias !== undefined) return nested([alias, ...args].join(" "));
  // `python -m pip install …`: the module is the package manager
  if (isInterpreter(name) && args[0] === "-m" && /^(pip|pip3|uv|poetry|twine|pipx)$/.test(args[1] ?? "")) {
    analyzePackageManager({ ...inp, name: args[1] === "pip3" ? "pip" : (args[1] ?? ""), args: args.slice(2), dynamicArgs: inp.dynamicArgs.slice(2) });
    return;
  }
  // `bun publish`, `deno publish`: runtimes that are package managers too
  if ((name === "bun" || name === "deno") && args.find((a) => !a.startsWith("-")) === "publish") {
    analyzePackageManager(inp);
    return;
  }
  if (SHELLS.has(name) || isInterpreter(name)) {
    const script = interpreterScript(name, args);
    const run = (text: string): void => (SHELLS.has(name) ? nested(text) : analyzeInlineCode(inp, text));
    /** The script arrives on stdin from `producers` (or the file `path`): analyze what they write. */
    const stdinFrom = (producers: readonly TSimpleCommand[], known: boolean, path?: string): void => {
      const made = producedScripts(producers, scripts, path);
      for (const t of made.texts) run(t);
      if (made.opaque !== undefined && !known) out.push({ type: "unknown", via, detail: `\`${name}\` runs a script that \`${made.opaque}\` produces at run time, which cannot be checked; run the commands directly or save them to a file first` });
    };
    for (const a of args) if (hasScheme(a)) addUrl(inp, a);
    // `pwsh -EncodedCommand <base64>` (also -enc, -ec, -e, /enc): the script is hidden.
    if ((name === "pwsh" || name === "powershell") && args.some((a) => isEncodedCommandFlag(a))) out.push({ type: "unknown", via, detail: `\`${name}\` runs a base64-encoded script (-EncodedCommand), which cannot be checked; pass the script with -Command instead` });
    const fetched = cmd.substitutions.some((s) => FETCH_WORD.test(s));
    const decoded = cmd.upstream.some((u) => isDecoder(u)) || cmd.substitutions.some((s) => DECODER_WORD.test(s));
    if (decoded) out.push({ type: "unknown", via, detail: `an encoded script is decoded and run by \`${name}\`` });
    if (fetched) out.push({ type: "pipe-interpreter", via, interpreter: name });
    if (script !== undefined && cmd.substitutions.some((s) => /^\s*(printf|echo)\b/.test(s))) out.push({ type: "unknown", via, detail: `\`${name}\` runs a script assembled at run time` });
    if (script === undefined || (viaXargs && script === "")) {
      // `xargs bash -c` takes its script from the input lines, like `bash` reading a pipe.
      const fileArg = script === undefined ? scriptOperand(name, args) : undefined;
      if (fileArg === undefined || STDIN_PATH.test(fileArg)) {
        if (upstreamNet) out.push({ type: "pipe-interpreter", via, interpreter: name });
        if (cmd.stdinText !== undefined) run(cmd.stdinText);
        stdinFrom(cmd.upstream, upstreamNet || decoded);
        for (const r of cmd.redirects) {
          const t = expandVars(r.target.text, vars);
          const sub = r.op === "<" ? substitutionScript(t) : undefined;
          if (sub !== undefined) stdinFrom(parseShell(sub).commands, false);
          else if (r.op === "<") stdinFrom([], false, t);
        }
      } else {
        if (downloads.some((d) => samePath(d, fileArg))) out.push({ type: "download-exec", via, path: fileArg });
        const written = scripts.get(fileArg.replace(/^\.\//, ""));
        if (written !== undefined) run(written);
        if (hasScheme(fileArg)) addUrl(inp, fileArg);
        if (/^\$\(|^`/.test(words.find((w) => w.text === fileArg)?.text ?? "")) out.push({ type: "download-exec", via, path: fileArg });
      }
    } else if (upstreamNet && /\b(exec|eval|source|compile|Function|system|popen|spawn|runInThisContext)\b|\$\(cat\)|`cat`|\/dev\/stdin|\bsh\b|\bbash\b/.test(script)) {
      // `curl … | python3 -c "exec(sys.stdin.read())"`, `| bash -c "$(cat)"`: the fetched text is run
      out.push({ type: "pipe-interpreter", via, interpreter: name });
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
    const sub = substitutionScript(f);
    const made = f === "" || STDIN_PATH.test(f) ? producedScripts(cmd.upstream, scripts, undefined, cmd.stdinText) : sub !== undefined ? producedScripts(parseShell(sub).commands, scripts) : producedScripts([], scripts, f);
    for (const t of made.texts) nested(t);
    if (made.opaque !== undefined && !upstreamNet) out.push({ type: "unknown", via, detail: `\`${name}\` runs a script that \`${made.opaque}\` produces at run time, which cannot be checked` });
    return;
  }
  if (first.text.includes("/") && downloads.some((d) => samePath(d, first.text))) out.push({ type: "download-exec", via, path: first.text });
  const ownScript = first.text.includes("/") ? scripts.get(first.text.replace(/^\.\//, "")) : undefined;
  if (ownScript !== undefined) nested(ownScript);
  if (name === "tee") {
    const made = producedScripts(cmd.upstream, scripts, undefined, cmd.stdinText);
    for (const f of args.filter((a) => !a.startsWith("-"))) scripts.set(f.replace(/^\.\//, ""), made.texts.join("\n"));
  }
  const target = cmd.redirects.find((r) => r.op === ">" || r.op === ">>");
  if (target !== undefined && (name === "echo" || name === "printf" || (name === "cat" && cmd.stdinText !== undefined) || name === "tee")) {
    scripts.set(expandVars(target.target.text, vars).replace(/^\.\//, ""), cmd.stdinText ?? args.filter((a) => !/^-[neE]+$/.test(a)).join(" "));
  }
  if (CONTAINER_CLIS.has(name)) analyzeContainerCli(inp);
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
  if (analyzeCommandRunner(inp)) return;
  const result = dispatchNetwork(inp);
  if (result?.writes === true) for (const d of result.dests ?? []) out.push({ type: "forge-api-write", dest: d, via });
  if (result) {
    for (const d of result.downloads) downloads.push(d);
    const redirectOut = cmd.redirects.find((r) => r.op === ">" || r.op === ">>");
    if (redirectOut) downloads.push(expandVars(redirectOut.target.text, vars));
  }
}

/** PowerShell's -EncodedCommand / -EncodedArguments under any accepted abbreviation or prefix (`-e`, `-ec`, `-enc`, `/enc`). */
function isEncodedCommandFlag(arg: string): boolean {
  const flag = arg.toLowerCase().replace(/^(--|-|\/)/, "");
  if (flag === arg.toLowerCase() || flag === "") return false;
  return flag === "ec" || flag === "ea" || "encodedcommand".startsWith(flag) || (flag.length > 7 && "encodedarguments".startsWith(flag));
}

/** The script file a shell or interpreter runs, or undefined when it reads its script from stdin (`sh -s`). */
function scriptOperand(name: string, args: readonly string[]): string | undefined {
  for (const a of args) {
    if (a === "--") continue;
    if (!a.startsWith("-")) return a;
    if (SHELLS.has(name) && /^-[a-zA-Z]*s[a-zA-Z]*$/.test(a)) return undefined;
  }
  return undefined;
}

// Package manager configuration files (registries, indexes, proxies live there).
const PACKAGE_CONFIG = /(^|\/)(\.curlrc|_curlrc|\.wgetrc|\.npmrc|\.yarnrc(\.yml)?|\.pypirc|pip\.conf|pip\.ini|\.gemrc|\.cargo\/config(\.toml)?|\.condarc|\.bunfig\.toml|bunfig\.toml|nuget\.config)$/i;

/** Paths that name the shell's own stdin. */
const STDIN_PATH = /^(-|\/dev\/stdin|\/dev\/fd\/0|\/proc\/self\/fd\/0)$/;
// Commands that pass their input or named files through unchanged.
const PASS_THROUGH = new Set(["cat", "tee", "head", "tail", "less", "more", "tac"]);

/** The script inside a `$(…)` / backtick word (process substitutions read as `$(…)`), if the word is one. */
function substitutionScript(word: string): string | undefined {
  if (/^\$\(.*\)$/s.test(word) && !word.startsWith("$((")) return word.slice(2, -1);
  if (/^`.*`$/s.test(word)) return word.slice(1, -1);
  return undefined;
}

/**
 * What `producers` write into a pipe that something then runs as a script: text written in the
 * command itself (`echo`, `printf`, heredocs, here-strings, scripts written earlier in it), or
 * the first producer whose output cannot be known from the command (`opaque`). A plain local
 * file (`cat run.sh | sh`, `sh < run.sh`) is like running the file, and adds nothing.
 */
function producedScripts(producers: readonly TSimpleCommand[], scripts: Map<string, string>, file?: string, stdinText?: string): { texts: string[]; opaque?: string } {
  const texts: string[] = [];
  let opaque: string | undefined;
  if (stdinText !== undefined) texts.push(stdinText);
  const readFile = (f: string): void => {
    const written = scripts.get(f.replace(/^\.\//, ""));
    if (written !== undefined) texts.push(written);
  };
  if (file !== undefined) readFile(file);
  for (const u of producers) {
    let argv = u.argv.map((w) => w.text);
    for (let guard = 0; guard < 10 && argv.length > 0; guard++) {
      const next = unwrap(commandName(argv[0] ?? ""), argv, new Map());
      if (next === undefined) break;
      argv = typeof next === "string" ? ["sh"] : next;
      if (typeof next === "string") break;
    }
    const n = commandName(argv[0] ?? "");
    if (n === "echo" || n === "printf") texts.push(argv.slice(1).filter((t) => !/^-[neE]+$/.test(t)).join(" "));
    else if (PASS_THROUGH.has(n)) {
      if (u.stdinText !== undefined) texts.push(u.stdinText);
      for (const f of argv.slice(1)) if (!f.startsWith("-")) readFile(f);
    } else if (n !== "" && n !== "true" && n !== ":") opaque ??= n;
    else if (n === "" && u.stdinText !== undefined) texts.push(u.stdinText);
  }
  return opaque === undefined ? { texts } : { texts, opaque };
}

// Commands that print or edit text: a URL among their arguments is data, not a destination.
const LOCAL_TEXT = new Set(["echo", "printf", "git", "gh", "grep", "rg", "ag", "sed", "awk", "jq", "yq", "cat", "less", "more", "head", "tail", "vim", "vi", "nvim", "nano", "emacs", "code", "touch", "mkdir", "ls", "cp", "mv", "rm", "ln", "chmod", "chown", "test", "[", "[[", "export", "declare", "typeset", "local", "readonly", "set", "unset", "alias", "read", "printenv", "true", "false", ":", "sort", "tee", "xdg-mime", "man", "help", "which", "type", "command", "hash", "history", "date", "sleep", "wait", "cd", "pushd", "popd", "pwd", "exit", "return", "shift", "getopts", "let", "notify-send", "say", "pbcopy", "xclip", "wl-copy"]);
const PKG_MANAGER_NAMES = new Set(["npm", "npx", "pnpm", "pnpx", "yarn", "bun", "bunx", "pip", "pip3", "uv", "uvx", "pipx", "poetry", "cargo", "gem", "bundle", "go", "composer", "twine", "docker", "podman", "nerdctl", "helm", "deno"]);

const FETCH_WORD = /\b(curl|wget|fetch|nc|ncat|aria2c|http)\b/;
const DECODER_WORD = /\b(base64|base32|xxd|openssl\s+(enc|base64)|gunzip|zcat|uudecode|rev)\b|\\x[0-9a-f]{2}/i;
const CONTAINER_NET = new Set(["curl", "wget", "nc", "ncat", "ssh", "scp", "rsync", "socat", "telnet", "git"]);

const NETWORK_PROGRAMS = ["curl", "wget", "wget2", "nc", "ncat", "netcat", "socat", "ssh", "scp", "sftp", "rsync", "telnet", "ftp", "openssl", "aria2c", "http", "xh", "python", "python3", "node", "perl", "ruby", "php", "bash", "sh", "zsh", "git", "gh"];

/** True when a command-name word (a glob `cu?l`, braces `{cu,}rl`, a path) may run a network program. */
function mayNameNetworkCommand(word: string): boolean {
  const base = word.slice(word.lastIndexOf("/") + 1).toLowerCase();
  if (NETWORK_PROGRAMS.includes(base)) return true;
  const alternatives = base.includes("{") && base.includes(",") ? expandBraces(base) : [base];
  for (const alt of alternatives) {
    if (NETWORK_PROGRAMS.includes(alt)) return true;
    if (/[*?[]/.test(alt)) {
      const re = new RegExp(`^${shellGlobSource(alt)}$`);
      if (NETWORK_PROGRAMS.some((n) => re.test(n))) return true;
    }
  }
  return false;
}

/** `{a,b}c` → ["ac", "bc"] (one level, bounded). */
function expandBraces(word: string): string[] {
  const m = /^(.*?)\{([^{}]*,[^{}]*)\}(.*)$/.exec(word);
  if (!m) return [word];
  return (m[2] ?? "").split(",").slice(0, 32).map((alt) => `${m[1] ?? ""}${alt}${m[3] ?? ""}`);
}

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
    default: {
      analyzePackageManager(inp);
      if (!PKG_MANAGER_NAMES.has(inp.name) && !SAFE_FILTERS.has(inp.name) && !LOCAL_TEXT.has(inp.name)) analyzeOtherProgram(inp, { client: false });
      return undefined;
    }
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
    case "flock": {
      const c = argv.findIndex((a) => a === "-c" || a === "--command");
      if (c !== -1) return argv[c + 1] ?? "";
      const cEq = argv.find((a) => a.startsWith("--command="));
      if (cEq !== undefined) return cEq.slice(10);
      return skipOpts(["-w", "-E", "--timeout", "--wait", "--conflict-exit-code"]).slice(1);
    }
    // GNU `-i`, `-e` and `-l` take their value attached (`-i{}`): the next word is the command.
    case "xargs": return skipOpts(["-I", "-n", "-P", "-d", "-L", "-s", "-a", "-E", "-J", "-R", "-S", "--max-args", "--max-procs", "--delimiter", "--arg-file", "--replace", "--max-lines", "--max-chars", "--eof", "--process-slot-var"]);
    // procps watch: `-d`/`--differences` take no separate value.
    case "watch": return skipOpts(["-n", "--interval", "-q", "--equexit"]).join(" ");
    case "su": case "runuser": case "script": { const i = argv.indexOf("-c"); return i === -1 ? undefined : (argv[i + 1] ?? ""); }
    case "find": case "fd": {
      // Every -exec/-execdir/-ok/-okdir clause runs (fd: -x/-X), each to its `;` or `+`.
      const clauses: string[][] = [];
      for (let i = 0; i < argv.length; i++) {
        if (!/^(-exec|-execdir|-ok|-okdir|-x|--exec|-X|--exec-batch)$/.test(argv[i] ?? "")) continue;
        const tail = argv.slice(i + 1);
        const end = tail.findIndex((a) => a === ";" || a === "+" || a === "\\;");
        clauses.push(end === -1 ? tail : tail.slice(0, end));
        i += end === -1 ? tail.length : end + 1;
      }
      if (clauses.length === 0) return undefined;
      return clauses.length === 1 ? clauses[0] : clauses.map((c) => c.map(shellQuote).join(" ")).join(" ; ");
    }
    case "parallel": return parallelScript(rest);
    // Run a command in a project environment: `uv run curl …`, `poetry run …`, `pnpm exec …`, `npm exec -- …`
    case "uv": case "poetry": case "pipenv": case "pdm": case "hatch": case "rye": case "pixi": case "conda": case "mamba": case "micromamba": {
      const i = rest.indexOf("run");
      if (i === -1 || rest.slice(0, i).some((a) => !a.startsWith("-"))) return undefined;
      const after = rest.slice(i + 1);
      let k = 0;
      while (k < after.length && (after[k] ?? "").startsWith("-")) k += ["-n", "--name", "-p", "--prefix", "--with", "--python", "-e", "--environment", "--env"].includes(after[k] ?? "") ? 2 : 1;
      return after.slice(k);
    }
    case "npm": case "pnpm": case "yarn": case "bun": {
      const sub = rest.find((a) => !a.startsWith("-"));
      if (sub !== "exec" && sub !== "x" && sub !== "dlx") return undefined;
      if (name === "npm" && rest.includes("-c")) return rest[rest.indexOf("-c") + 1] ?? "";
      const after = rest.slice(rest.indexOf(sub) + 1);
      return after[0] === "--" ? after.slice(1) : after.filter((a, k) => k > 0 || !a.startsWith("-"));
    }
    case "npx": case "pnpx": case "bunx": {
      const c = rest.findIndex((a) => a === "-c" || a === "--call");
      return c === -1 ? undefined : (rest[c + 1] ?? "");
    }
    case "direnv": return rest[0] === "exec" ? rest.slice(2) : undefined;
    case "nix-shell": case "nix": { const i = rest.findIndex((a) => a === "--run" || a === "--command" || a === "-c"); return i === -1 ? undefined : rest.slice(i + 1).join(" "); }
    case "dotenv": case "env-cmd": case "cross-env": { const i = rest.indexOf("--"); return i !== -1 ? rest.slice(i + 1) : name === "cross-env" ? rest.filter((a) => !/^[A-Za-z_]\w*=/.test(a)) : undefined; }
    case "chroot": return skipOpts(["--userspec", "--groups"]).slice(1);
    case "taskset": return skipOpts([]).slice(1);
    case "unshare": case "rlwrap": case "pkexec": case "ssh-agent": case "nsenter": case "faketime": case "proot": return skipOpts(["-u", "--user", "-t", "--target", "-f", "-a"]);
    case "screen": return skipOpts(["-S", "-c", "-t", "-L", "-Logfile", "-p", "-X"]);
    case "tmux": {
      const i = rest.findIndex((a) => /^(new|new-session|new-window|neww|split-window|splitw|respawn-pane|run-shell|run)$/.test(a));
      if (i === -1) return undefined;
      const last = rest[rest.length - 1] ?? "";
      return rest.length > i + 1 && !last.startsWith("-") ? last : undefined;
    }
    default: return undefined;
  }
}

/** A word quoted for a shell script built from argv. */
function shellQuote(w: string): string {
  return /^[\w@%+=:,./{}-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

const PARALLEL_VALUE = new Set(["-j", "--jobs", "-S", "--sshlogin", "--slf", "--sshloginfile", "-a", "--arg-file", "--colsep", "-C", "-d", "--delimiter", "-I", "-N", "-n", "--max-args", "-L", "--max-lines", "--delay", "--timeout", "--joblog", "--results", "--res", "--tmpdir", "--workdir", "--wd", "--basefile", "--bf", "--env", "--tag-string", "-E", "--halt", "--memfree", "--load", "--retries", "--block", "--sshdelay", "--termseq", "--return", "--transferfile", "--tf", "--trc", "--cleanup"]);

/**
 * GNU parallel as the script it runs: the command (joined with spaces, run by a shell) once per
 * `:::` input with `{}` replaced or the input appended; inputs alone are commands. Remote logins
 * (`-S host`) become `ssh host`, a login file an ssh without a destination (unknown).
 */
function parallelScript(rest: string[]): string {
  const logins: string[] = [];
  let i = 0;
  for (; i < rest.length && (rest[i] ?? "").startsWith("-"); i++) {
    const a = rest[i] ?? "";
    if (a === "--") {
      i++;
      break;
    }
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const flag = eq === -1 ? a : a.slice(0, eq);
    if (!PARALLEL_VALUE.has(flag) && !/^-S./.test(a)) continue;
    const value = eq !== -1 ? a.slice(eq + 1) : /^-S./.test(a) ? a.slice(2) : (rest[++i] ?? "");
    if (flag === "-S" || flag === "--sshlogin" || /^-S./.test(a)) for (const l of value.split(",")) if (l !== ":" && l !== "") logins.push(`ssh ${shellQuote(l.replace(/^\d+\//, ""))}`);
    if (flag === "--slf" || flag === "--sshloginfile") logins.push("ssh");
  }
  const words = rest.slice(i);
  const sep = words.findIndex((w) => /^:{3,4}\+?$/.test(w));
  const command = (sep === -1 ? words : words.slice(0, sep)).join(" ");
  const inputs = sep === -1 || words[sep]?.startsWith("::::") ? [] : words.slice(sep + 1).filter((w) => !/^:{3,4}\+?$/.test(w)).slice(0, 16);
  const jobs = inputs.length === 0 ? [command] : command === "" ? inputs : inputs.map((x) => (/\{[^}]*\}/.test(command) ? command.replace(/\{[^}]*\}/g, shellQuote(x)) : `${command} ${shellQuote(x)}`));

  return [...logins, ...jobs].filter((j) => j !== "").join(" ; ");
}

/** Inline script of a shell (`-c`) or interpreter (`-c`, `-e`, `--eval`, `-r` …), if any. */
function interpreterScript(name: string, args: string[]): string | undefined {
  const flags = SHELLS.has(name) ? null : INTERPRETER.inlineFlags(name);
  const valueOptions = flags === null ? [] : INTERPRETER.valueOptions(name);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (valueOptions.includes(a)) {
      i++;
      continue;
    }
    if (!a.startsWith("-") || a === "--") return name === "awk" || name === "gawk" ? a : undefined;
    if (flags === null) {
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a) || a === "--command") return args[i + 1] ?? "";
    } else if (flags.includes(a)) return args[i + 1] ?? "";
    // Bundled short options ending in the inline flag: `perl -ne '…'`, `ruby -pe '…'`, `python -Bc '…'`.
    else if (/^-[a-zA-Z]{2,}$/.test(a) && flags.some((f) => f.length === 2 && a.endsWith(f.slice(1)))) return args[i + 1] ?? "";
    else if (flags.some((f) => f.length === 2 && a.startsWith(f) && a.length > 2 && !a.startsWith("--"))) return a.slice(2);
  }
  return undefined;
}

// Keys of the script's variables map that no shell variable can have: the directory the script
// changed into (as written: absolute, `~/…` or `$HOME/…`), or that it changed into one it cannot tell
const CWD = "\0cwd";
const CWD_UNKNOWN = "\0cwd-unknown";
const DIR_STACK = "\0dirstack";
const HOME_PREFIX = /^(~|\$HOME|\$\{HOME\})(\/|$)/;

/** A word that names a path relative to the current directory (not an option, URL, assignment or text with spaces). */
function isRelativePath(p: string): boolean {
  return p !== "" && !/^[-/~$]/.test(p) && !p.includes("=") && !/\s/.test(p) && !/^[a-z][a-z0-9+.-]*:/i.test(p) && !p.includes("$(") && !p.includes("`");
}

/** Follows `cd` / `pushd` / `popd` to a directory written literally (absolute, `~`, `$HOME`, or relative to a known one). */
function changeDirectory(words: readonly { text: string; dynamic: boolean }[], vars: Map<string, string>): void {
  const name = commandName(words[0]?.text ?? "");
  if (name !== "cd" && name !== "pushd" && name !== "popd" && name !== "chdir") return;
  const target = name === "popd" ? undefined : words.slice(1).find((w) => !w.text.startsWith("-") || w.text === "-");
  const current = vars.get(CWD);
  // `pushd` remembers where it came from and `popd` goes back there (a stack of JSON-encoded entries)
  const stack = JSON.parse(vars.get(DIR_STACK) ?? "[]") as (string | null)[];
  if (name === "popd") {
    if (stack.length > 0) {
      const back = stack.pop() ?? null;
      vars.set(DIR_STACK, JSON.stringify(stack));
      vars.delete(CWD);
      vars.delete(CWD_UNKNOWN);
      if (back === CWD_UNKNOWN) vars.set(CWD_UNKNOWN, "1");
      else if (back !== null) vars.set(CWD, back);
      return;
    }
  } else if (name === "pushd") {
    vars.set(DIR_STACK, JSON.stringify([...stack, current ?? (vars.has(CWD_UNKNOWN) ? CWD_UNKNOWN : null)]));
  }
  let next: string | undefined;
  if (name !== "popd" && target === undefined) next = "~";
  else if (target !== undefined && target.text !== "-" && !/[`*?[{]|\$\(/.test(target.text) && (!target.text.includes("$") || HOME_PREFIX.test(target.text)) && !target.text.slice(1).includes("$")) {
    const t = (target.text.replace(/\/+$/, "") || "/").replace(/^(\.\/)+/, "");
    if (t === "." || t === "") return;
    // Relative to the session's directory when no earlier `cd` is known: kept relative (`build`)
    next = /^[/~$]/.test(t) || current === undefined ? t : `${current}/${t}`;
  }
  if (next === undefined) {
    if (name === "popd" || (target !== undefined && target.text !== ".")) {
      vars.delete(CWD);
      vars.set(CWD_UNKNOWN, "1");
    }
    return;
  }
  vars.set(CWD, next);
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
