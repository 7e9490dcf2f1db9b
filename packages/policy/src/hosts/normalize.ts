/**
 * Host normalization on top of the WHATWG URL parser (global `URL`, no import): userinfo,
 * case, trailing dot, IDN → punycode, percent-encoding, IPv4 in every notation, IPv6 and
 * IPv4-mapped IPv6. Never hand-rolled suffix logic.
 */

/** A normalized network destination. */
export type TDestination = {
  /** Lower-case ASCII host: DNS name (punycode), dotted IPv4, or IPv6 without brackets. */
  host: string;
  /** Port, explicit or the scheme default; undefined when unknown. */
  port: number | undefined;
  hostKind: "dns" | "ipv4" | "ipv6";
  scheme: string;
  /** Label suffixes of a DNS host (`a.b.c` → `b.c`, `c`), memoized for O(labels) lookups. */
  suffixes?: string[];
};

/** Why a string gave no destination. */
export type TNoDestination = "local" | "no-host" | "invalid";

/** Default ports of schemes a tool call may use. */
export const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  http: 80, https: 443, ws: 80, wss: 443, ftp: 21, ftps: 990, ssh: 22, sftp: 22, scp: 22, "git+ssh": 22,
  "ssh+git": 22, git: 9418, rsync: 873, telnet: 23, gopher: 70, ldap: 389, ldaps: 636, smtp: 25, smtps: 465,
  imap: 143, imaps: 993, redis: 6379, rediss: 6380, postgres: 5432, postgresql: 5432, mysql: 3306,
  mongodb: 27017, "mongodb+srv": 27017, amqp: 5672, amqps: 5671, mqtt: 1883, irc: 6667, rtsp: 554,
  dict: 2628, tftp: 69, smb: 445, nfs: 2049, socks5: 1080, socks5h: 1080, socks4: 1080, socks: 1080,
};

const NO_HOST_SCHEMES = new Set(["about", "data", "javascript", "blob", "mailto", "tel", "urn", "chrome", "view-source"]);
const LOCAL_SCHEMES = new Set(["file"]);

/** Result of parsing a URL-ish string into a destination. */
export type TParsedDestination = { ok: true; dest: TDestination } | { ok: false; why: TNoDestination };

/**
 * Parses a URL (`scheme://…`, or `scheme:` without authority) into its normalized destination.
 * Non-special schemes (ssh://, git://, …) have their authority re-parsed as http so their host
 * gets the same normalization as http hosts.
 */
export function parseUrlDestination(raw: string): TParsedDestination {
  const colon = raw.indexOf(":");
  if (colon <= 0) return { ok: false, why: "invalid" };
  const scheme = raw.slice(0, colon).toLowerCase();
  if (LOCAL_SCHEMES.has(scheme)) return { ok: false, why: "local" };
  if (NO_HOST_SCHEMES.has(scheme)) return { ok: false, why: "no-host" };
  if (raw.slice(colon + 1, colon + 3) !== "//") return { ok: false, why: "no-host" };
  const rest = raw.slice(colon + 3);
  const end = rest.search(/[/?#]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  // INVARIANT: a backslash in the authority is read differently by different clients (curl vs
  // WHATWG), so the destination is ambiguous and treated as unknown.
  if (authority.includes("\\")) return { ok: false, why: "invalid" };
  const at = authority.lastIndexOf("@");
  const hostPort = at === -1 ? authority : authority.slice(at + 1);
  if (hostPort === "") return { ok: false, why: "no-host" };
  return parseHostPort(hostPort, { scheme, defaultPort: DEFAULT_PORTS[scheme] });
}

/**
 * Normalizes `host`, `host:port`, `[v6]:port` or `user@host` (shell arguments, policy entries).
 */
export function parseHostPort(input: string, opts: { scheme?: string; defaultPort?: number } = {}): TParsedDestination {
  const at = input.lastIndexOf("@");
  const hostPort = at === -1 ? input : input.slice(at + 1);
  if (hostPort === "" || /[\s/\\?#]/.test(hostPort)) return { ok: false, why: "invalid" };
  const fast = FAST_HOST.exec(hostPort);
  if (fast !== null && isAlreadyCanonical(fast[1] ?? "")) {
    // INVARIANT: only ASCII LDH names that WHATWG would merely lower-case take this path (no
    // punycode, no IPv4-looking last label, no percent-encoding); property tests check it against URL.
    const host = (fast[1] ?? "").toLowerCase().replace(/\.$/, "");
    const port = fast[2] !== undefined ? Number(fast[2]) : opts.defaultPort;
    if (port !== undefined && (port > 65535 || !Number.isInteger(port))) return { ok: false, why: "invalid" };
    return { ok: true, dest: { host, hostKind: "dns", port, scheme: opts.scheme ?? "" } };
  }
  let url: URL;
  try {
    url = new URL(`http://${hostPort}/`);
  } catch {
    return { ok: false, why: "invalid" };
  }
  const host = canonicalHost(url.hostname);
  if (host === undefined) return { ok: false, why: "invalid" };
  const port = url.port !== "" ? Number(url.port) : /:(80)$/.test(hostPort) ? 80 : opts.defaultPort;
  return { ok: true, dest: { ...host, port, scheme: opts.scheme ?? "" } };
}

const FAST_HOST = /^([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?)(?::(\d{1,5}))?$/;

/** True when WHATWG host parsing of `name` would only lower-case it (and drop one trailing dot). */
function isAlreadyCanonical(name: string): boolean {
  const labels = (name.endsWith(".") ? name.slice(0, -1) : name).split(".");
  const last = labels[labels.length - 1] ?? "";
  if (/^\d+$/.test(last) || /^0x[0-9a-f]*$/i.test(last)) return false;
  return labels.every((l) => l !== "" && !/^xn--/i.test(l) && l.length <= 63);
}

/** Canonical form of a WHATWG-parsed hostname, or undefined if it is not a usable host. */
export function canonicalHost(hostname: string): { host: string; hostKind: TDestination["hostKind"] } | undefined {
  if (hostname.startsWith("[")) {
    const v6 = hostname.slice(1, -1);
    const mapped = mappedIpv4(v6);
    return mapped !== undefined ? { host: mapped, hostKind: "ipv4" } : { host: v6, hostKind: "ipv6" };
  }
  let host = hostname.endsWith(".") ? hostname.slice(0, -1) : hostname;
  if (host === "" || host.startsWith(".") || host.includes("..") || host.endsWith(".")) return undefined;
  host = host.toLowerCase();
  // INVARIANT: only LDH-style ASCII labels are hosts; `$VAR`, `{a,b}` globs and other shell
  // residue that WHATWG would accept as opaque characters make the destination unknown.
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(host)) return undefined;
  return { host, hostKind: /^\d{1,3}(\.\d{1,3}){3}$/.test(host) ? "ipv4" : "dns" };
}

/** `::ffff:a.b.c.d` (serialized by WHATWG as `::ffff:xxxx:yyyy`) → dotted IPv4. */
function mappedIpv4(v6: string): string | undefined {
  const m = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(v6);
  if (!m || !v6.startsWith("::")) return undefined;
  const hi = parseInt(m[1] ?? "0", 16);
  const lo = parseInt(m[2] ?? "0", 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** True for loopback and "this host" destinations (localhost, 127/8, ::1, 0.0.0.0). */
export function isLoopback(dest: Pick<TDestination, "host" | "hostKind">): boolean {
  if (dest.hostKind === "ipv4") return dest.host.startsWith("127.") || dest.host === "0.0.0.0";
  if (dest.hostKind === "ipv6") return dest.host === "::1" || dest.host === "::";
  return dest.host === "localhost" || dest.host.endsWith(".localhost");
}

/** Formats a destination for messages and request commands (`host` or `host:port`, `[v6]`). */
export function formatDestination(dest: Pick<TDestination, "host" | "hostKind" | "port" | "scheme">): string {
  const h = dest.hostKind === "ipv6" ? `[${dest.host}]` : dest.host;
  const dflt = DEFAULT_PORTS[dest.scheme];
  return dest.port !== undefined && dest.port !== dflt && dest.scheme !== "" ? `${h}:${dest.port}` : h;
}
