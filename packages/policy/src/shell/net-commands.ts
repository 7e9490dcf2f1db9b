/** Destination extraction for network commands (curl, wget, ssh, scp, rsync, nc, socat, dig …). */
import { parseHostPort, parseUrlDestination, type TDestination } from "../hosts/normalize.js";
import type { TDestinationPurpose, TShellFinding } from "./findings.js";
import { hasScheme, splitOptions } from "./words.js";

/** Context handed to command analyzers. */
export type TCmdInput = { name: string; args: string[]; dynamicArgs: boolean[]; env: Map<string, string>; via: string; out: TShellFinding[]; nested: (script: string) => void; cwd?: string };

/** Adds a URL destination (or an unknown finding when it has no usable host). */
export function addUrl(inp: TCmdInput, url: string, purpose: TDestinationPurpose = "network"): TDestination | undefined {
  const r = parseUrlDestination(url);
  if (r.ok) {
    inp.out.push({ type: "host", dest: r.dest, via: inp.via, purpose });
    return r.dest;
  }
  if (r.why !== "local") inp.out.push({ type: "unknown", via: inp.via, detail: `\`${url}\` has no verifiable host` });
  return undefined;
}

/** Adds a bare `host`, `user@host` or `host:port` destination. */
export function addHost(inp: TCmdInput, hostish: string, opts: { scheme?: string; port?: number; purpose?: TDestinationPurpose } = {}): void {
  const r = parseHostPort(hostish, { scheme: opts.scheme ?? "", defaultPort: opts.port });
  if (r.ok) inp.out.push({ type: "host", dest: r.dest, via: inp.via, purpose: opts.purpose ?? "network" });
  else inp.out.push({ type: "unknown", via: inp.via, detail: `\`${hostish}\` is not a verifiable host` });
}

const PROXY_ENV = ["http_proxy", "https_proxy", "all_proxy", "ftp_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "FTP_PROXY"];

/** Proxies configured through the environment are destinations too. */
export function proxyDestinations(inp: TCmdInput): void {
  for (const k of PROXY_ENV) {
    const v = inp.env.get(k);
    if (v !== undefined && v !== "") addUrl(inp, hasScheme(v) ? v : `http://${v}`);
  }
}

const CURL_VALUE = new Set(["-o", "-d", "-H", "-X", "-u", "-x", "-A", "-e", "-F", "-T", "-b", "-c", "-K", "-m", "-w", "-r", "-E", "-U", "-Y", "-y", "-z", "-C", "-Q", "-t", "--output", "--data", "--data-raw", "--data-binary", "--data-urlencode", "--data-ascii", "--json", "--header", "--request", "--user", "--proxy", "--preproxy", "--user-agent", "--referer", "--form", "--form-string", "--upload-file", "--cookie", "--cookie-jar", "--config", "--max-time", "--write-out", "--range", "--cert", "--key", "--cacert", "--capath", "--proxy-user", "--connect-timeout", "--retry", "--resolve", "--connect-to", "--url", "--interface", "--dns-servers", "--doh-url", "--output-dir", "--limit-rate", "--unix-socket", "--abstract-unix-socket", "--socks5", "--socks5-hostname", "--socks4", "--socks4a", "--proxy-header", "--mail-from", "--mail-rcpt", "--oauth2-bearer", "--local-port", "--variable", "--expand-url", "--telnet-option", "--quote", "--ftp-port", "-P", "--hostpubmd5", "--pinnedpubkey", "--aws-sigv4", "--trace", "--trace-ascii", "--stderr", "--dump-header", "-D", "--retry-delay", "--retry-max-time", "--speed-limit", "--speed-time", "--max-filesize", "--max-redirs", "--happy-eyeballs-timeout-ms", "--ciphers", "--tls-max", "--krb", "--login-options", "--sasl-authzid", "--service-name", "--netrc-file", "--proto", "--proto-redir", "--proto-default", "--ipfs-gateway", "--etag-save", "--etag-compare", "--create-file-mode"]);
const WRITE_METHOD = /^(post|put|patch|delete)$/i;

/** curl: every operand and `--url` is a URL (scheme-less means http); proxies and `--connect-to` count. */
export function analyzeCurl(inp: TCmdInput): { downloads: string[]; writes: boolean; dests: TDestination[] } {
  const { operands, options } = splitOptions(inp.args, CURL_VALUE);
  const urls = [...operands];
  const downloads: string[] = [];
  let writes = false;
  const infoOnly = operands.length === 0 && options.some((o) => ["-V", "--version", "-h", "--help", "-M", "--manual"].includes(o.flag));
  // A config file read from elsewhere can set a proxy or extra URLs
  if (inp.env.has("CURL_HOME")) inp.out.push({ type: "unknown", via: inp.via, detail: "`CURL_HOME` points curl at a config file the guard cannot see" });
  for (const o of options) {
    // The DNS server decides where the allow-listed name resolves to
    if (o.flag === "--dns-servers") for (const ip of (o.value ?? "").split(",")) if (ip !== "") addHost(inp, ip);
    const v = o.value ?? "";
    if (o.flag === "--url" || o.flag === "--expand-url") urls.push(v);
    else if (["-x", "--proxy", "--preproxy", "--socks5", "--socks5-hostname", "--socks4", "--socks4a", "--doh-url", "--ipfs-gateway"].includes(o.flag)) addUrl(inp, hasScheme(v) ? v : `http://${v}`);
    else if (o.flag === "--connect-to") {
      const parts = v.split(":");
      if ((parts[2] ?? "") !== "") addHost(inp, parts[2] ?? "");
    } else if (o.flag === "--resolve") {
      const addr = v.split(":").slice(2).join(":").replace(/^\[|\]$/g, "");
      if (addr !== "") addHost(inp, addr.includes(":") ? `[${addr}]` : addr);
    } else if (o.flag === "-K" || o.flag === "--config") inp.out.push({ type: "unknown", via: inp.via, detail: "curl reads its URLs from a config file" });
    else if (o.flag === "-o" || o.flag === "--output") downloads.push(v);
    else if (o.flag === "-O" || o.flag === "--remote-name" || o.flag === "--remote-name-all") downloads.push(...operands.map(urlBasename));
    if (["-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "--data-ascii", "--json", "-F", "--form", "--form-string", "-T", "--upload-file"].includes(o.flag)) writes = true;
    if ((o.flag === "-X" || o.flag === "--request") && WRITE_METHOD.test(v)) writes = true;
  }
  proxyDestinations(inp);
  const dests: TDestination[] = [];
  for (const u of urls) {
    if (u === "") continue;
    const d = addUrl(inp, hasScheme(u) ? u : `http://${u}`);
    if (d) dests.push(d);
  }
  if (urls.length === 0 && !infoOnly) inp.out.push({ type: "unknown", via: inp.via, detail: "curl without a URL argument" });
  return { downloads, writes, dests };
}

const WGET_VALUE = new Set(["-O", "-o", "-a", "-P", "-e", "-i", "-U", "-t", "-T", "-w", "-Q", "-l", "-A", "-R", "-D", "-I", "-X", "--output-document", "--output-file", "--append-output", "--directory-prefix", "--execute", "--input-file", "--user-agent", "--tries", "--timeout", "--wait", "--quota", "--level", "--post-data", "--post-file", "--body-data", "--body-file", "--method", "--header", "--user", "--password", "--http-user", "--http-password", "--load-cookies", "--save-cookies", "--referer", "--ca-certificate", "--certificate", "--private-key", "--bind-address", "--limit-rate", "--domains", "--exclude-domains", "--accept", "--reject", "--base", "-B", "--config", "--proxy-user", "--proxy-password"]);

/** wget: operands are URLs; `-i` / `-e` / `--config` make the destination unknowable. */
export function analyzeWget(inp: TCmdInput): { downloads: string[]; writes: boolean; dests: TDestination[] } {
  const { operands, options } = splitOptions(inp.args, WGET_VALUE);
  const downloads: string[] = [];
  let writes = false;
  if (inp.env.has("WGETRC")) inp.out.push({ type: "unknown", via: inp.via, detail: "`WGETRC` points wget at a config file the guard cannot see" });
  for (const o of options) {
    if (["-i", "--input-file", "-e", "--execute", "--config", "-B", "--base"].includes(o.flag)) inp.out.push({ type: "unknown", via: inp.via, detail: `wget \`${o.flag}\` hides its destination` });
    if (o.flag === "-O" || o.flag === "--output-document") downloads.push(o.value ?? "");
    if (["--post-data", "--post-file", "--body-data", "--body-file"].includes(o.flag) || (o.flag === "--method" && WRITE_METHOD.test(o.value ?? ""))) writes = true;
  }
  if (!options.some((o) => o.flag === "-O" || o.flag === "--output-document")) downloads.push(...operands.map(urlBasename));
  proxyDestinations(inp);
  const dests: TDestination[] = [];
  for (const u of operands) {
    const d = addUrl(inp, hasScheme(u) ? u : `http://${u}`);
    if (d) dests.push(d);
  }
  if (operands.length === 0 && !options.some((o) => ["-V", "--version", "-h", "--help"].includes(o.flag))) inp.out.push({ type: "unknown", via: inp.via, detail: "wget without a URL argument" });
  return { downloads, writes, dests };
}

const SSH_VALUE = new Set("BbcDEeFIiJLlmOopQRSWw".split("").map((c) => `-${c}`));

/**
 * One `-o Key=Value` (or `-o "Key Value"`) of ssh, scp, sftp: jump hosts are destinations,
 * commands ssh runs locally are analyzed, an included config is unknown; returns HostName / Port.
 */
function sshOption(inp: TCmdInput, option: string): { hostname?: string; port?: number } {
  const m = /^\s*([A-Za-z]+)\s*[= ]\s*(.*)$/.exec(option);
  const key = (m?.[1] ?? "").toLowerCase();
  const val = (m?.[2] ?? "").trim();
  if (key === "proxyjump") for (const j of val.split(",")) addHost(inp, j.replace(/^ssh:\/\//, ""), { scheme: "ssh", port: 22 });
  else if (key === "proxycommand" || key === "localcommand" || key === "knownhostscommand") inp.nested(val);
  else if (key === "include" || key === "sshconfig") inp.out.push({ type: "unknown", via: inp.via, detail: `${inp.name} -o ${m?.[1] ?? key} reads settings the guard cannot see` });
  else if (key === "hostname") return { hostname: val };
  else if (key === "port") return { port: Number(val) || undefined };
  return {};
}

/** ssh / ssh-copy-id / mosh: first operand is the destination; jump hosts and ProxyCommand count. */
export function analyzeSsh(inp: TCmdInput): void {
  const { operands, options } = splitOptions(inp.args, SSH_VALUE);
  let dest = operands[0];
  let port: number | undefined;
  for (const o of options) {
    const v = o.value ?? "";
    if (o.flag === "-J") for (const j of v.split(",")) addHost(inp, j.replace(/^ssh:\/\//, ""), { scheme: "ssh", port: 22 });
    if (o.flag === "-p") port = Number(v) || undefined;
    if (o.flag === "-o") {
      const r = sshOption(inp, v);
      if (r.hostname !== undefined) dest = r.hostname;
      if (r.port !== undefined) port = r.port;
    }
    if (o.flag === "-F") inp.out.push({ type: "unknown", via: inp.via, detail: "ssh with a custom config file" });
  }
  if (dest === undefined) {
    if (!options.some((o) => o.flag === "-V")) inp.out.push({ type: "unknown", via: inp.via, detail: "ssh without a destination" });
    return;
  }
  if (hasScheme(dest)) addUrl(inp, dest);
  else addHost(inp, dest, { scheme: "ssh", port: port ?? 22 });
}

/** scp / rsync / sftp: remote operands look like `[user@]host:path`, `host::module` or a URL. */
export function analyzeRemoteCopy(inp: TCmdInput): void {
  const value = inp.name === "rsync" ? new Set(["-e", "--rsh", "--port", "--password-file", "-f", "--filter", "--exclude", "--include", "--exclude-from", "--include-from", "--files-from", "-T", "--temp-dir", "--log-file", "--chmod", "-B", "--block-size", "--timeout", "--bwlimit", "--partial-dir", "--compare-dest", "--copy-dest", "--link-dest", "--backup-dir", "--suffix", "--rsync-path", "--out-format", "--max-size", "--min-size", "--contimeout", "--address", "--sockopts"]) : SSH_VALUE;
  const { operands, options } = splitOptions(inp.args, value);
  // `rsync -e 'ssh -p 2222'`: the remote shell is started for the remote operand's host.
  const remoteHost = operands.map((op) => /^((?:[^@/:]+@)?(?:\[[^\]]+\]|[^/:]{2,})):/.exec(op)?.[1]).find((h) => h !== undefined);
  for (const o of options) {
    const v = o.value ?? "";
    if (o.flag === "-e" || o.flag === "--rsh") inp.nested(remoteHost !== undefined && /^\S*ssh\b/.test(v) ? `${v} ${remoteHost}` : v);
    if (o.flag === "-J") for (const j of v.split(",")) addHost(inp, j, { scheme: "ssh", port: 22 });
    if (o.flag === "-o") {
      const r = sshOption(inp, v);
      if (r.hostname !== undefined) addHost(inp, r.hostname, { scheme: "ssh", port: r.port ?? 22 });
    }
    if (o.flag === "-S" && inp.name !== "rsync") inp.out.push({ type: "unknown", via: inp.via, detail: `${inp.name} with a custom ssh program` });
    if (o.flag === "-F") inp.out.push({ type: "unknown", via: inp.via, detail: `${inp.name} with a custom ssh config` });
  }
  let remote = false;
  for (const op of operands) {
    if (hasScheme(op)) {
      addUrl(inp, op);
      remote = true;
      continue;
    }
    const m = /^((?:[^@/:]+@)?(?:\[[^\]]+\]|[^/:]+)):/.exec(op);
    if (m && !/^[A-Za-z]$/.test(m[1] ?? "")) {
      addHost(inp, m[1] ?? "", { scheme: "ssh", port: 22 });
      remote = true;
    }
  }
  if (inp.name === "sftp" && !remote && operands[0] !== undefined) addHost(inp, operands[0], { scheme: "ssh", port: 22 });
}

/** nc / ncat / netcat / telnet: `[opts] host port`; listening (-l) is local; -x proxy counts. */
export function analyzeNetcat(inp: TCmdInput): void {
  const { operands, options } = splitOptions(inp.args, new Set(["-p", "-s", "-w", "-x", "-X", "-i", "-q", "-e", "-c", "-g", "-G", "-I", "-O", "-P", "-T", "-V", "-W", "-m", "--proxy", "--proxy-type", "--exec", "--sh-exec", "--source", "--wait", "-b", "-n", "-l"].filter((f) => f !== "-l" && f !== "-n")));
  for (const o of options) {
    if (o.flag === "-x" || o.flag === "--proxy") addHost(inp, o.value ?? "");
    if (o.flag === "-e" || o.flag === "-c" || o.flag === "--exec" || o.flag === "--sh-exec") inp.nested(o.value ?? "");
  }
  const listening = options.some((o) => o.flag === "-l" || o.flag === "--listen");
  const host = operands[0];
  if (host === undefined) {
    if (!listening && !options.some((o) => ["-h", "--help", "--version"].includes(o.flag))) inp.out.push({ type: "unknown", via: inp.via, detail: `${inp.name} without a host` });
    return;
  }
  if (listening && /^\d+$/.test(host)) return;
  addHost(inp, host);
}

/** socat addresses such as `TCP:host:port`, `OPENSSL:host:port`, `UDP4:host:port`. */
export function analyzeSocat(inp: TCmdInput): void {
  for (const a of inp.args) {
    const m = /^(?:tcp[46]?|udp[46]?|openssl|ssl|sctp[46]?|socks4a?|socks5|proxy|dccp[46]?):([^,]+)/i.exec(a);
    if (m) {
      const parts = (m[1] ?? "").split(":");
      addHost(inp, parts.length > 2 && !(m[1] ?? "").startsWith("[") ? (parts[0] ?? "") : (parts.slice(0, -1).join(":") || (parts[0] ?? "")));
    } else if (/^(exec|system):/i.test(a)) inp.nested(a.replace(/^[^:]*:/, "").split(",")[0] ?? "");
  }
}

/** DNS-resolving commands: every operand that is not an option is a name looked up (DNS exfil). */
export function analyzeDns(inp: TCmdInput): void {
  const { operands } = splitOptions(inp.args, new Set(["-p", "-t", "-c", "-q", "-x", "-k", "-y", "-b", "-f", "-i", "-W", "-w", "-s", "-m", "-I", "-o", "-h"]));
  let found = false;
  for (const op of operands) {
    const v = op.startsWith("@") ? op.slice(1) : op;
    if (/^(a|aaaa|mx|ns|txt|cname|soa|ptr|srv|any|in|ch|axfr|hosts|ahosts)$/i.test(v)) continue;
    if (!v.includes(".") && !/^[0-9a-f:]+$/i.test(v) && v !== "localhost") {
      if (/^[a-z0-9-]+$/i.test(v)) continue;
    }
    addHost(inp, v);
    found = true;
  }
  if (!found && operands.length > 0) addHost(inp, operands[operands.length - 1] ?? "");
}

/** open / xdg-open / browsers: URLs are destinations; local files are not. */
export function analyzeOpener(inp: TCmdInput): void {
  for (const a of inp.args) if (hasScheme(a) || /^(www\.|[a-z0-9-]+\.[a-z]{2,}\/)/i.test(a)) addUrl(inp, hasScheme(a) ? a : `https://${a}`);
}

/** File name a download without `-o` gets: the last path segment of the URL. */
export function urlBasename(url: string): string {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").split(/[?#]/)[0] ?? "";
  return path.split("/").filter((s) => s !== "").pop() ?? "index.html";
}

/** Schemes whose URLs name a remote endpoint (file:, data: and the like do not). */
const REMOTE_SCHEME = /^(https?|wss?|ftps?|sftp|ssh|git|svn(\+ssh)?|hg|ldaps?|postgres(ql)?|mysql|mariadb|mongodb(\+srv)?|redis|rediss|amqps?|mqtts?|nats|kafka|grpcs?|smb|cifs|nfs|telnet|rsync|tcp|udp|rtmps?|rtsp|imaps?|pop3s?|smtps?|xmpp|irc|sips?)$/i;
/** Schemes whose "host" is a bucket or account name, not a host the policy can check. */
const OPAQUE_SCHEME = /^(s3|gs|az|abfss?|wasbs?|oss|cos|r2|b2|hdfs)$/i;

/** Programs that connect out (database, directory, file-share, messaging, media, mail clients and tunnels). */
const CLIENTS = new Set(["mysql", "mariadb", "psql", "pg_dump", "pg_restore", "redis-cli", "mongosh", "mongo", "mongodump", "mongorestore", "ldapsearch", "ldapmodify", "ldapadd", "ldapdelete", "ldapwhoami", "smbclient", "sshfs", "nmap", "masscan", "svn", "hg", "websocat", "wscat", "grpcurl", "mosquitto_pub", "mosquitto_sub", "kcat", "kafkacat", "nats", "swaks", "sendmail", "mail", "mailx", "mutt", "msmtp", "rclone", "yt-dlp", "youtube-dl", "get", "post", "head", "lwp-request", "lwp-download", "resolvectl", "gsutil", "aws", "az", "gcloud", "kubectl", "helm", "vault", "consul", "terraform", "ansible", "ansible-playbook", "ngrok", "cloudflared", "lt", "localtunnel", "bore", "frpc", "chisel", "iperf", "iperf3", "speedtest", "speedtest-cli"]);
/** Clients that open a public tunnel: there is no destination to check. */
const TUNNELS = new Set(["ngrok", "cloudflared", "lt", "localtunnel", "bore", "frpc", "chisel"]);
/** Clients that are useless without a remote destination on the command line. */
const NEEDS_DEST = new Set(["nmap", "masscan", "sshfs", "smbclient", "svn", "hg", "websocat", "wscat", "grpcurl", "swaks", "sendmail", "mail", "mailx", "mutt", "msmtp", "yt-dlp", "youtube-dl", "get", "post", "head", "lwp-request", "lwp-download", "resolvectl", "iperf", "iperf3"]);
/** Options whose value is the host or endpoint. */
const HOST_OPTIONS = new Set(["-h", "--host", "--hostname", "-H", "--server", "--endpoint", "--endpoint-url", "--url", "--uri", "--address", "--addr", "--broker", "--brokers", "--bootstrap-server"]);

/**
 * Any other program: URL arguments (also as `--option=URL`) are destinations. Known network
 * clients also take their host from host options and bare `host`, `user@host`, `host:path` and
 * `//host/share` operands; mail clients, tunnels and bucket URLs have no checkable destination.
 */
export function analyzeOtherProgram(inp: TCmdInput, opts: { client: boolean }): void {
  const name = inp.name;
  if (TUNNELS.has(name)) {
    inp.out.push({ type: "unknown", via: inp.via, detail: `\`${name}\` opens a public tunnel, whose destination cannot be checked` });
    return;
  }
  const client = opts.client || CLIENTS.has(name);
  let found = false;
  for (let i = 0; i < inp.args.length; i++) {
    const arg = inp.args[i] ?? "";
    const eq = arg.startsWith("-") ? arg.indexOf("=") : -1;
    const value = eq !== -1 ? arg.slice(eq + 1) : arg;
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1];
    if (scheme !== undefined && REMOTE_SCHEME.test(scheme)) {
      addUrl(inp, value);
      found = true;
    } else if (scheme !== undefined && OPAQUE_SCHEME.test(scheme)) {
      inp.out.push({ type: "unknown", via: inp.via, detail: `\`${value.slice(0, 80)}\` names a storage bucket, not a host the policy can check` });
      found = true;
    } else if (client && arg.startsWith("-")) {
      const flag = eq !== -1 ? arg.slice(0, eq) : arg;
      if (HOST_OPTIONS.has(flag)) {
        const v = eq !== -1 ? value : (inp.args[i + 1] ?? "");
        // `mysql -H` (HTML output) takes no value: the next word is another option
        if (v === "" || v.startsWith("/") || v.startsWith("-")) continue;
        if (eq === -1) i++;
        if (hasScheme(v)) addUrl(inp, v);
        else addHost(inp, v.replace(/:\/.*$/, ""));
        found = true;
      }
    } else if (client && scheme === undefined) {
      const share = /^\/\/([^/]+)\//.exec(arg);
      const mail = /^[^@\s/]+@([a-z0-9-]+(\.[a-z0-9-]+)+)$/i.exec(arg);
      if (mail && (name === "swaks" || /mail|mutt|msmtp/.test(name))) {
        inp.out.push({ type: "unknown", via: inp.via, detail: `\`${name}\` sends mail to \`${arg}\`, through servers the policy cannot check` });
        found = true;
      } else if (share?.[1]) {
        addHost(inp, share[1]);
        found = true;
      } else if (/^([^@\s/]+@)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\S*)?$/i.test(arg) && !/\.(txt|md|json|ya?ml|sql|csv|log|conf|cfg|ini|xml|html?|js|ts|py|sh|tar|gz|zip|mp4|mp3|png|jpg)$/i.test(arg.replace(/:.*$/, ""))) {
        addHost(inp, arg.replace(/^[^@]+@/, "").replace(/:.*$/, ""));
        found = true;
      } else if (/^[\w-]+:[\w./-]*$/.test(arg) && name === "rclone") {
        inp.out.push({ type: "unknown", via: inp.via, detail: `rclone remote \`${arg}\` is configured elsewhere; its destination cannot be checked` });
        found = true;
      }
    }
  }
  if (!found && NEEDS_DEST.has(name) && !inp.args.some((a) => a === "--version" || a === "--help" || a === "-V")) inp.out.push({ type: "unknown", via: inp.via, detail: `\`${name}\` connects out, but its destination cannot be verified from the command` });
}
