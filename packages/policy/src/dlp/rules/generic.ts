import { shannonEntropy } from "../entropy";
import type { TDlpRule } from "../types";
import { decodeBase64, isPlaceholder, looksReal } from "./shared";

// `scheme://user:password@host`; the password (group 2) must differ from the user and not be a placeholder
function credentialUrl(schemes: string, minUser: 0 | 1): RegExp {
  return new RegExp(
    String.raw`(?<![\w+.-])(?:${schemes}):\/\/([^\s:/?#@'"]{${minUser},128}):(?!\1@)([^\s/?#@'"]{3,256})@[\w.%-]{1,253}`,
    "i",
  );
}

function isJwt(secret: string): boolean {
  const [header = "", payload = ""] = secret.split(".");
  const decodedHeader = decodeBase64(header);
  const decodedPayload = decodeBase64(payload);

  return decodedHeader?.startsWith("{") === true && decodedHeader.includes('"alg"') && decodedPayload?.startsWith("{") === true;
}

function hasKeyMaterial(secret: string): boolean {
  const body = secret.replace(/-----[A-Z0-9 _-]{0,120}-----/g, "").replace(/\\[nr]|\s/g, "");

  return body.length >= 64 && shannonEntropy(body) >= 4;
}

/**
 * `<flag>` as an option of a curl command: the flag is matched first and the `curl` before it (same
 * line or `\`-continued, within 2048 characters) by a look-behind, so the expression is tried
 * only where the flag occurs. Starting at every `curl` made a payload of many `curl ` words cost
 * seconds.
 */
const curlOption = (flag: string): string => String.raw`\s(?:${flag})(?<=\bcurl\b(?:[^\n]|\\\n){0,2048}\s(?:${flag}))`;

/** Format-independent secrets: private keys, JWTs, credentials inside URLs and curl commands */
export const GENERIC_RULES: readonly TDlpRule[] = [
  {
    id: "private-key",
    description: "PEM / OpenSSH / PGP private key with a key body of 64+ characters",
    keywords: ["-----begin"],
    pattern:
      /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{64,16384}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----|(?:[A-Za-z0-9+/=\s]|\\[nr]){64,16384})/,
    validate: hasKeyMaterial,
  },
  {
    id: "jwt",
    description: "JSON Web Token (signed or unsigned)",
    keywords: ["eyj"],
    pattern: /(?<![\w-])(eyJ[\w-]{15,4096}\.eyJ[\w-]{15,16384}\.(?:[\w-]{10,4096})?)(?![\w-])/,
    minEntropy: 3,
    validate: isJwt,
  },
  {
    id: "postgres-connection-string",
    description: "PostgreSQL connection URL with a password",
    keywords: ["postgres://", "postgresql://", "pgsql://"],
    pattern: credentialUrl("postgres(?:ql)?|pgsql", 1),
    secretGroup: 2,
    validate: (secret) => !isPlaceholder(secret),
  },
  {
    id: "mysql-connection-string",
    description: "MySQL / MariaDB connection URL with a password",
    keywords: ["mysql://", "mariadb://", "mysql+"],
    pattern: credentialUrl(String.raw`mysql(?:\+\w{1,20})?|mariadb`, 1),
    secretGroup: 2,
    validate: (secret) => !isPlaceholder(secret),
  },
  {
    id: "mongodb-connection-string",
    description: "MongoDB connection URL with a password",
    keywords: ["mongodb://", "mongodb+srv://"],
    pattern: credentialUrl(String.raw`mongodb(?:\+srv)?`, 1),
    secretGroup: 2,
    validate: (secret) => !isPlaceholder(secret),
  },
  {
    id: "redis-connection-string",
    description: "Redis / Valkey connection URL with a password",
    keywords: ["redis://", "rediss://", "valkey://"],
    pattern: credentialUrl("rediss?|valkeys?", 0),
    secretGroup: 2,
    validate: (secret) => !isPlaceholder(secret),
  },
  {
    id: "amqp-connection-string",
    description: "AMQP (RabbitMQ) connection URL with a password",
    keywords: ["amqp://", "amqps://"],
    pattern: credentialUrl("amqps?", 1),
    secretGroup: 2,
    validate: (secret) => !isPlaceholder(secret),
  },
  {
    id: "url-basic-auth",
    description: "HTTP(S), FTP, git or SSH URL carrying a password in its userinfo",
    keywords: ["://"],
    pattern: credentialUrl(String.raw`https?|ftps?|sftp|ssh|git\+(?:https?|ssh)|wss?`, 1),
    secretGroup: 2,
    validate: (secret) => looksReal(secret, 2.5),
  },
  {
    id: "curl-auth-header",
    description: "Credential in a curl `-H Authorization:` / API-key header",
    keywords: ["curl"],
    pattern: new RegExp(
      String.raw`${curlOption("-H|--header")}[ \t=]{0,5}["']?(?:(?:Proxy-)?Authorization:[ \t]{0,5}(?:(?:Basic|Bearer|Token|Api-Token|Bot)[ \t]{1,5})?|(?:X-(?:[A-Za-z]{1,20}-)?)?(?:Api-?)?(?:Key|Token):[ \t]{0,5})([\w=~@.+/-]{8,512})(?=["'\s\\]|$)`,
      "i",
    ),
    minEntropy: 2.75,
    validate: (secret) => !isPlaceholder(secret),
  },
  {
    id: "curl-auth-user",
    description: "Password in a curl `-u user:password` argument",
    keywords: ["curl"],
    pattern: new RegExp(
      String.raw`${curlOption("-u|--user")}(?:=|[ \t]{1,5})(["']?)([^\s:'"]{1,128}):([^\s'"]{3,256})\1(?=\s|$)`,
    ),
    secretGroup: 3,
    minEntropy: 2,
    validate: (secret) => !isPlaceholder(secret),
  },
];
