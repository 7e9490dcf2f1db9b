/** Interpreters with inline code, and package managers pointed at custom registries. */
import { addHost, addUrl, type TCmdInput } from "./net-commands.js";
import { hasScheme } from "./words.js";
import { inlineExecution } from "./inline-code.js";

/** POSIX-style shells whose `-c` argument is a script. */
export const SHELLS = new Set(["sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish", "csh", "tcsh", "yash", "posh", "rbash"]);

const INLINE: Record<string, string[]> = {
  python: ["-c"], node: ["-e", "--eval", "-p", "--print"], deno: ["eval"], bun: ["-e", "--eval", "-p", "--print"],
  ruby: ["-e"], perl: ["-e", "-E"], php: ["-r"], lua: ["-e"], rscript: ["-e"], osascript: ["-e"],
  pwsh: ["-c", "-command", "-Command", "--command", "-encodedcommand", "-EncodedCommand", "-e"], powershell: ["-c", "-command", "-Command", "-encodedcommand", "-EncodedCommand", "-e"],
  awk: [], gawk: [], tclsh: [], jshell: [], groovy: ["-e"], julia: ["-e"], elixir: ["-e"], swift: ["-e"],
  ipython: ["-c"], tsx: ["-e", "--eval", "-p", "--print"], "ts-node": ["-e", "--eval", "-p", "--print"],
};

/** Options that take the next word as their value, per interpreter family (so `python -W x -c …` is read). */
const VALUE_OPTIONS: Record<string, string[]> = {
  python: ["-W", "-X", "-Q"], ipython: ["--profile", "--ipython-dir"],
  node: ["-r", "--require", "--import", "--loader", "--experimental-loader", "-C", "--conditions", "--inspect-port", "--title", "--env-file"], tsx: ["-r", "--require", "--import", "--tsconfig"], "ts-node": ["-r", "--require", "-P", "--project", "-C", "--compiler"],
  bun: ["-r", "--preload", "--cwd", "--config"], perl: ["-I", "-m", "-M", "-x"], php: ["-d", "-c", "-z"], ruby: ["-I", "-r", "-E", "-C", "-x"],
};

function family(name: string): string {
  if (/^python[0-9.]*$|^pypy[0-9.]*$/.test(name)) return "python";
  if (name === "nodejs") return "node";
  if (/^ruby[0-9.]*$/.test(name)) return "ruby";
  if (/^perl[0-9.]*$/.test(name)) return "perl";
  if (/^php[0-9.]*$/.test(name)) return "php";
  return name;
}

/** Interpreter table lookups. */
export const INTERPRETER = {
  inlineFlags: (name: string): string[] => INLINE[family(name)] ?? [],
  valueOptions: (name: string): string[] => VALUE_OPTIONS[family(name)] ?? [],
};

/** True for a language interpreter (not a POSIX shell). */
export function isInterpreter(name: string): boolean {
  return family(name) in INLINE;
}

const NETWORK_API = /(urllib(?!\.parse\b)|urlopen|requests\s*\.|httpx|aiohttp|http\.client|httplib|socket|smtplib|ftplib|telnetlib|paramiko|websocket|pycurl|fetch\s*\(|XMLHttpRequest|WebSocket|https?\.(get|request)|net\.(connect|createConnection|Socket)|tls\.connect|dgram|dns\.|http2|axios|got\s*\(|undici|Net::HTTP|open-uri|URI\.open|TCPSocket|UDPSocket|LWP|HTTP::Tiny|IO::Socket|curl_init|curl_exec|fsockopen|stream_socket_client|file_get_contents\s*\(\s*['"]https?|Invoke-WebRequest|Invoke-RestMethod|\biwr\b|\birm\b|Net\.WebClient|Net\.Sockets|System\.Net|DownloadString|DownloadFile|Start-BitsTransfer|\/inet\/|\/dev\/tcp|Deno\.connect|Bun\.connect|require\(\s*['"](?:node:)?(?:https?|net|tls|dgram|dns)['"]|from\s+['"](?:node:)?(?:https?|net|tls|dgram|dns)['"]|import\s*\(\s*['"]https?:|import\s*\(\s*['"](?:node:)?(?:https?|net|tls|dgram|dns)['"])/i;
const EXEC_API = /\b(os\.system|os\.popen|subprocess|child_process|execSync|exec\s*\(|spawn|system\s*\(|popen|Popen|`[^`]*`|%x\{|shell_exec|passthru|proc_open|Start-Process|do shell script)/;

/** Inline interpreter code: network APIs need allow-listed destinations; exec'd strings are shell. */
export function analyzeInlineCode(inp: TCmdInput, code: string): void {
  inlineExecution(inp, code);
  const literals = [...code.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
  if (EXEC_API.test(code)) for (const lit of literals) if (/\s/.test(lit) || /^(curl|wget|nc|ssh)$/.test(lit)) inp.nested(lit);
  if (!NETWORK_API.test(code)) {
    // Whatever API opens it (requests aliased, open-uri, copy(), download.file…), a URL written in
    // the code is where it may connect.
    // Code that only prints a URL (`print('https://…')`) is left alone.
    const URL_LITERAL = /\b(https?|wss?|ftp):\/\/[^\s'"`)\]},;]+/gi;
    if (!/\b(import|require|use|from|open|urlopen|get|post|put|fetch|download|copy|request|socket|connect|send|file_get_contents|fopen|readfile|curl|URI|URL|Net|HTTP|load|invoke)\b/i.test(code.replace(URL_LITERAL, ""))) return;
    for (const m of code.matchAll(URL_LITERAL)) addUrl(inp, m[0]);
    return;
  }
  let found = 0;
  for (const m of code.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s'"`)]+/gi)) {
    addUrl(inp, m[0]);
    found++;
  }
  for (const lit of literals) {
    if (hasScheme(lit)) continue;
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(lit) && !/\.(py|js|ts|rb|pl|php|json|txt|md|sh|csv|log|html|env|yaml|yml|toml|cfg|ini|lock)$/i.test(lit)) {
      addHost(inp, lit);
      found++;
    }
  }
  const dev = /\/dev\/(tcp|udp)\/([^/\s'"]+)\//.exec(code);
  if (dev) {
    addHost(inp, dev[2] ?? "");
    found++;
  }
  if (found === 0) inp.out.push({ type: "unknown", via: inp.via, detail: `${inp.name} inline code opens a network connection to a destination that cannot be verified` });
}

const PKG_MANAGERS = new Set(["npm", "npx", "pnpm", "pnpx", "yarn", "bun", "bunx", "pip", "pip3", "uv", "uvx", "pipx", "poetry", "cargo", "gem", "bundle", "go", "composer", "twine", "docker", "podman", "nerdctl", "helm", "deno"]);
const REGISTRY_FLAGS = new Set(["--registry", "--index-url", "-i", "--extra-index-url", "--index", "--source", "--find-links", "-f", "--default-index", "--repository-url", "--repository", "--proxy", "--https-proxy"]);
const REGISTRY_ENV = /^(npm_config_(registry|proxy|https_proxy)|NPM_CONFIG_(REGISTRY|PROXY|HTTPS_PROXY)|YARN_(NPM_)?REGISTRY(_SERVER)?|PIP_(INDEX_URL|EXTRA_INDEX_URL|FIND_LINKS)|UV_(INDEX_URL|EXTRA_INDEX_URL|INDEX|DEFAULT_INDEX)|GOPROXY|GONOSUMDB|CARGO_REGISTRIES_.*_INDEX|BUNDLE_MIRROR.*|GEM_SOURCE|TWINE_REPOSITORY_URL|UV_PUBLISH_URL|POETRY_REPOSITORIES_.*_URL)$/;
const PUBLISH_SUBS = new Set(["publish", "push", "upload"]);
const NPM_PUBLISH_ENV = /^(npm_config_registry|NPM_CONFIG_REGISTRY|YARN_(NPM_)?REGISTRY(_SERVER)?)$/;
const PUBLISH_ENV: Record<string, RegExp> = { npm: NPM_PUBLISH_ENV, pnpm: NPM_PUBLISH_ENV, yarn: NPM_PUBLISH_ENV, bun: NPM_PUBLISH_ENV, twine: /^TWINE_REPOSITORY_URL$/, uv: /^UV_PUBLISH_URL$/ };
const PUBLISH_DEFAULT: Record<string, string> = { deno: "jsr.io",  npm: "registry.npmjs.org", pnpm: "registry.npmjs.org", yarn: "registry.npmjs.org", bun: "registry.npmjs.org", cargo: "crates.io", gem: "rubygems.org", twine: "upload.pypi.org", poetry: "upload.pypi.org", uv: "upload.pypi.org" };

/**
 * Package managers: custom registries, URL/git specs and publish targets are destinations. The
 * registry of a publish (`npm publish`, `cargo publish`, `twine upload`, `helm push` …, with or
 * without `--registry`) is a `publish` destination: shell.publish, not shell.registries, applies.
 */
export function analyzePackageManager(inp: TCmdInput): void {
  if (!PKG_MANAGERS.has(inp.name)) return;
  const at = inp.args.findIndex((a) => !a.startsWith("-"));
  const sub = inp.args[at] ?? "";
  // (docker, podman and nerdctl registries are analyzed in containers.ts)
  const containers = inp.name === "docker" || inp.name === "podman" || inp.name === "nerdctl";
  // The first word may be the value of an option before the subcommand (`npm --registry <url> publish`)
  const optionValue = at > 0 && !(inp.args[at - 1] ?? "").includes("=");
  // (`--dry-run` uploads nothing: the registry is only read, as for an install)
  const publishes = !containers && !inp.args.includes("--dry-run") && (PUBLISH_SUBS.has(sub) || ((optionValue || inp.name === "yarn") && inp.args.some((a) => PUBLISH_SUBS.has(a))));
  const registry = publishes ? "publish" : "registry";
  let custom = false;
  for (const [k, v] of inp.env) {
    if (!REGISTRY_ENV.test(k) || v === "" || v === "direct" || v === "off") continue;
    for (const part of v.split(/[,|\s]+/)) if (part !== "direct" && part !== "off" && part !== "") addUrl(inp, hasScheme(part) ? part : `https://${part}`, registry);
    // Only the manager's own variable replaces the registry it publishes to by default
    if (PUBLISH_ENV[inp.name]?.test(k)) custom = true;
  }
  for (let i = 0; i < inp.args.length; i++) {
    const a = inp.args[i] ?? "";
    const eq = a.indexOf("=");
    let flag = a.startsWith("--") && eq !== -1 ? a.slice(0, eq) : a;
    // npm and pip accept unambiguous prefixes of long options (`--reg`, `--extra-index`)
    if (!REGISTRY_FLAGS.has(flag) && flag.startsWith("--") && flag.length >= 5) flag = [...REGISTRY_FLAGS].find((f) => f.startsWith(flag)) ?? flag;
    // Short options with the value attached: `pip install -ihttps://…`
    const attached = /^(pip|pip3|uv|pipx)$/.test(inp.name) && /^-[if][^-]/.test(a) ? a.slice(2) : undefined;
    if (attached !== undefined) {
      if (!attached.startsWith("/") && !attached.startsWith(".")) addUrl(inp, hasScheme(attached) ? attached : `https://${attached}`, registry);
      custom = true;
    } else if (REGISTRY_FLAGS.has(flag) && !((flag === "-i" || flag === "-f") && !/^(pip|pip3|uv|pipx)$/.test(inp.name))) {
      // (`-i` / `-f` name an index only for pip; `npm i -f` is --force)
      const v = eq !== -1 && a.startsWith("--") ? a.slice(eq + 1) : (inp.args[++i] ?? "");
      if (v.startsWith("/") || v.startsWith(".")) continue;
      addUrl(inp, hasScheme(v) ? v : `https://${v}`, registry);
      custom = true;
    } else if (hasScheme(a) || /^git\+/.test(a)) {
      addUrl(inp, a.replace(/^git\+/, ""), registry);
      if (publishes && inp.name === "helm") custom = true;
    } else if (/^(github|gitlab|bitbucket):/.test(a)) {
      const host = { github: "github.com", gitlab: "gitlab.com", bitbucket: "bitbucket.org" }[a.split(":")[0] as "github"];
      addHost(inp, host, { purpose: "registry" });
    }
  }
  if ((inp.name === "npm" || inp.name === "pnpm" || inp.name === "yarn") && sub === "config" && /registry|proxy/i.test(inp.args.join(" "))) {
    const v = (inp.args[inp.args.length - 1] ?? "").replace(/^[\w.:@/-]*(registry|proxy)[\w.-]*=/i, "");
    if (hasScheme(v)) addUrl(inp, v, "registry");
    else if (/^[\w.-]+\.[a-z]{2,}/i.test(v)) addUrl(inp, `https://${v}`, "registry");
  }
  if (inp.name === "go") {
    const proxy = inp.env.get("GOPROXY") ?? "";
    // GOPROXY=direct fetches modules from their own hosts
    if (/(^|[,|])direct($|[,|])/.test(proxy) && (sub === "get" || sub === "install" || sub === "mod")) {
      for (const a of inp.args.slice(1)) if (/^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(a)) addHost(inp, a.slice(0, a.indexOf("/")), { purpose: "registry" });
    }
    if (sub === "env" && inp.args.includes("-w")) for (const a of inp.args) if (/^GO(PROXY|SUMDB|NOSUMDB|PRIVATE|INSECURE)=/.test(a)) inp.out.push({ type: "unknown", via: inp.via, detail: `\`go env -w ${a.split("=")[0] ?? ""}\` changes where modules come from for later commands` });
  }
  if (publishes && !custom) {
    if (inp.name === "helm") {
      // `helm push <chart> oci://<registry>/…` was handled above; a repository name is configuration
      inp.out.push({ type: "unknown", via: inp.via, detail: "`helm push` to a repository name: its registry cannot be determined" });
    } else {
      const host = PUBLISH_DEFAULT[inp.name];
      if (host) addHost(inp, host, { scheme: "https", port: 443, purpose: "publish" });
      // A publish whose registry is its own configuration (`poetry publish -r name`, `.npmrc`): unknown
      else inp.out.push({ type: "unknown", via: inp.via, detail: `\`${inp.name} ${sub}\` publishes to a registry that cannot be determined` });
    }
  }
}
