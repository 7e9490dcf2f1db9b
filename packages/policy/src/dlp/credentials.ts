import { isPlaceholder } from "./rules/shared";

/** What a stripped credential becomes */
export const REDACTED = "[REDACTED]";

const isRedacted = (value: string): boolean => value.startsWith("[REDACTED");

const HEADER_NAMES = new Set([
  "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "apikey", "x-auth-token",
  "x-access-token", "private-token", "job-token", "x-vault-token", "x-goog-api-key", "ocp-apim-subscription-key",
  "x-functions-key", "dd-api-key", "dd-application-key", "x-amz-security-token",
]);
const KEY_QUALIFIERS = ["api", "access", "secret", "private", "master", "encryption", "signing", "account", "subscription", "license", "auth", "client"];
const SECRET_SUFFIXES = ["password", "passwd", "passphrase", "secret", "token", "credential", "credentials", "signature", "sessionid", "cookie", "authorization"];
// Schemes kept in front of a redacted Authorization value; the listed multi-part ones hide the whole rest of the line
const AUTH_SCHEME = /^(Bearer|Basic|Token|Bot|Digest|Negotiate|NTLM|ApiKey|Api-Key|SSWS|OAuth|JWT|AWS4-HMAC-SHA256)([ \t]+)/i;
const WHOLE_LINE_SCHEMES = new Set(["digest", "aws4-hmac-sha256"]);

/**
 * True when an object key, JSON field, header or query-parameter name names a credential:
 * `Authorization`, `X-Api-Key`, `password`, `client_secret`, `access_token`, `apiKey`, `x-amz-signature` …
 * (`key` alone and counters such as `max_tokens` are not)
 */
export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  if (HEADER_NAMES.has(lower)) return true;
  if (/^x-[a-z0-9-]{0,40}(?:token|key|secret|signature|password|auth)$/.test(lower)) return true;
  const flat = lower.replace(/[-_.\s]/g, "");
  if (flat === "auth" || flat === "pass" || flat === "pwd" || flat === "sig" || flat === "jwt") return true;
  if (SECRET_SUFFIXES.some((suffix) => flat.endsWith(suffix))) return true;

  return flat.endsWith("key") && KEY_QUALIFIERS.some((qualifier) => flat.endsWith(`${qualifier}key`));
}

// Query parameters are matched more loosely than JSON keys: `?key=` and `?code_verifier=` are credentials in URLs
function isSecretParam(name: string): boolean {
  const flat = name.toLowerCase().replace(/[-_.[\]]/g, "");

  return isSecretName(name) || flat === "key" || flat.endsWith("codeverifier") || flat.endsWith("apikey");
}

const SECRET_ENV_NAME =
  /(?:^|_)(?:TOKEN|SECRET|SECRETS|KEY|APIKEY|PASS|PASSWD|PWD|AUTH|CREDENTIALS?|COOKIE|SIGNATURE|SESSION)$|PASSWORD|SECRET|PRIVATE_KEY|ACCESS_KEY|_TOKEN_/;

/** True for an environment variable name that holds a credential (`*_TOKEN`, `*_SECRET`, `*_KEY`, `*PASSWORD*` …) */
export function isSecretEnvName(name: string): boolean {
  return name !== "PWD" && name !== "OLDPWD" && SECRET_ENV_NAME.test(name);
}

const isVariableReference = (value: string): boolean => /^["']?\$/.test(value);

/** Redact a credential value, keeping a leading auth scheme (`Bearer [REDACTED]`) so the event still reads */
export function redactCredentialValue(value: string, { wholeLine = true } = {}): string {
  if (value.length === 0 || isRedacted(value)) return value;
  const scheme = AUTH_SCHEME.exec(value);
  const schemeText = scheme ? `${scheme[1] ?? ""}${scheme[2] ?? ""}` : "";
  const rest = value.slice(schemeText.length);
  if (rest.length === 0 || isRedacted(rest)) return value;
  const keepsLine = wholeLine || WHOLE_LINE_SCHEMES.has((scheme?.[1] ?? "").toLowerCase());
  const token = keepsLine ? rest : (/^\S+/.exec(rest)?.[0] ?? rest);

  return `${schemeText}${REDACTED}${rest.slice(token.length)}`;
}

const URL_USERINFO = /\b([a-z][a-z0-9+.-]{1,30}:\/\/)([^\s/?#@'"<>`\\]{1,512})@(?=[^\s/?#@'"<>`\\])/gi;
const QUERY_PARAM = /([?&#])([\w.[\]-]{1,64})=([^&#;\s'"<>`\\]{1,4096})/g;
const QUOTED_FIELD = /(\\?["'])([\w.-]{1,64})\1([ \t]{0,5}[:=][ \t]{0,10})(\\?["'])([^"'\\\r\n]{1,4096})(?=\4)/g;
const UNQUOTED_FIELD = /(?<![\w-])([A-Za-z][\w-]{0,63})([ \t]{0,5}:[ \t]{0,10}["']?)([^\r\n'"`\\]{1,4096})/g;
const ENV_ASSIGNMENT =
  /(?<![\w$.-])([A-Z][A-Z0-9_]{0,127})=("(?:[^"\\\n]|\\.){0,4096}"|'[^'\n]{0,4096}'|[^\s'"`;&|)]{1,4096})/g;
const CLI_FLAG =
  /(?<=^|[\s'"])(--?(?:[\w-]{0,30}-)?(?:password|passwd|token|secret|api-key|apikey|access-key|secret-key|auth-token|client-secret))(=|[ \t]{1,5})(["']?)([^\s'"`]{1,4096})/gi;

/**
 * Strip credentials that have no provider format: URL userinfo, secret query parameters,
 * Authorization / Cookie / API-key header values, secret JSON and YAML fields, secret environment
 * assignments (`export X_TOKEN=…`, inline `X_TOKEN=… cmd`) and `--password`-style flags.
 * Hosts, paths and variable references (`$TOKEN`) stay readable
 */
export function stripCredentials(text: string): string {
  return text
    .replace(URL_USERINFO, (match, scheme: string, userinfo: string) => {
      if (userinfo === "git" || isRedacted(userinfo)) return match;
      // Keep the fingerprint of a password a DLP rule already replaced
      const fingerprinted = /\[REDACTED:[^\]]{1,120}\]/.exec(userinfo)?.[0];

      return `${scheme}${fingerprinted ?? REDACTED}@`;
    })
    .replace(QUERY_PARAM, (match, sep: string, name: string, value: string) =>
      isSecretParam(name) && !isRedacted(value) && !isVariableReference(value) ? `${sep}${name}=${REDACTED}` : match,
    )
    .replace(QUOTED_FIELD, (match, q1: string, name: string, assign: string, q2: string, value: string) =>
      isSecretName(name) && !isPlaceholder(value) ? `${q1}${name}${q1}${assign}${q2}${redactCredentialValue(value)}` : match,
    )
    .replace(UNQUOTED_FIELD, (match, name: string, assign: string, value: string) => {
      if (!isSecretName(name) || isVariableReference(value.trim())) return match;
      const wholeLine = /^(?:set-)?cookie$/i.test(name);

      return `${name}${assign}${redactCredentialValue(value, { wholeLine })}`;
    })
    .replace(ENV_ASSIGNMENT, (match, name: string, value: string) => {
      if (!isSecretEnvName(name) || isVariableReference(value) || isRedacted(value.replace(/^["']/, ""))) return match;
      const quote = value.startsWith('"') || value.startsWith("'") ? value[0] : "";
      if (quote && value.length <= 2) return match;

      return `${name}=${quote}${REDACTED}${quote}`;
    })
    .replace(CLI_FLAG, (match, flag: string, sep: string, quote: string, value: string) =>
      value.startsWith("-") || value.startsWith("$") || isRedacted(value) ? match : `${flag}${sep}${quote}${REDACTED}`,
    );
}
