import { DASHES, type TGen, type TRuleCase } from "../support/gen";

const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l".toUpperCase();

const b64url = (value: string): string => Buffer.from(value).toString("base64url");

function pem(g: TGen, kind: string, bodyLength: number): string {
  const body = g.b64(bodyLength).replace(/(.{64})/g, "$1\n");

  return `${DASHES}BEGIN ${kind}${DASHES}\n${body}\n${DASHES}END ${kind}${DASHES}`;
}

function jwt(g: TGen): string {
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = b64url(JSON.stringify({ sub: g.an(12), name: "synthetic user", iat: 1_700_000_000 }));

  return `${header}.${payload}.${g.url(43)}`;
}

/** Observability, package registries, secret managers and format-independent secrets */
export const OTHER_CASES: readonly TRuleCase[] = [
  { id: "sentry-user-token", positive: (g) => `SENTRY_AUTH_TOKEN=sntryu_${g.hex(64)}`, negative: (g) => `sntryu_${g.hex(20)}` },
  { id: "sentry-org-token", positive: (g) => `sntrys_eyJ${g.b64(120)}_${g.b64(43)}`, negative: (g) => `sntrys_eyJ${g.b64(20)}` },
  { id: "datadog-access-token", positive: (g) => `DD_API_KEY=${g.hex(32)}`, negative: (g) => `DD_API_KEY=${g.hex(20)}` },
  { id: "new-relic-user-api-key", positive: (g) => `NRAK-${g.up(27)}`, negative: (g) => `NRAK-${g.up(10)}` },
  { id: "new-relic-insert-key", positive: (g) => `NRII-${g.url(32)}`, negative: (g) => `NRII-${g.url(12)}` },
  { id: "new-relic-license-key", positive: (g) => `license_key: ${g.hex(36)}NRAL`, negative: (g) => `${g.hex(20)}NRAL` },
  { id: "grafana-cloud-api-token", positive: (g) => `glc_${g.b64(80)}`, negative: (g) => `glc_${g.b64(10)}` },
  { id: "grafana-service-account-token", positive: (g) => `glsa_${g.an(32)}_${g.hex(8)}`, negative: (g) => `glsa_${g.an(32)}` },
  { id: "grafana-api-key", positive: (g) => `eyJrIjoi${g.an(100)}`, negative: (g) => `eyJrIjoi${g.an(20)}` },
  { id: "dynatrace-api-token", positive: (g) => `dt0c01.${g.up(24)}.${g.up(64)}`, negative: (g) => `dt0c01.${g.up(24)}` },
  { id: "npm-access-token", positive: (g) => `//registry.npmjs.org/:_authToken=npm_${g.an(36)}`, negative: (g) => `npm_${g.an(20)}` },
  { id: "pypi-upload-token", positive: (g) => `password = pypi-AgEIcHlwaS5vcmc${g.url(70)}`, negative: (g) => `pypi-AgEIcHlwaS5vcmc${g.url(20)}` },
  { id: "rubygems-api-token", positive: (g) => `rubygems_${g.hex(48)}`, negative: (g) => `rubygems_${g.hex(20)}` },
  { id: "clojars-api-token", positive: (g) => `CLOJARS_${g.lo(60)}`, negative: (g) => `CLOJARS_${g.lo(20)}` },
  { id: "dockerhub-pat", positive: (g) => `echo dckr_pat_${g.url(27)} | docker login -u acme --password-stdin`, negative: (g) => `dckr_pat_${g.url(10)}` },
  { id: "artifactory-api-key", positive: (g) => `AKCp${g.an(69)}`, negative: (g) => `AKCp${g.an(30)}` },
  { id: "1password-service-account-token", positive: (g) => `OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ${g.b64(300)}`, negative: (g) => `ops_eyJ${g.b64(50)}` },
  { id: "1password-secret-key", positive: (g) => `A3-${g.up(6)}-${g.up(11)}-${g.up(5)}-${g.up(5)}-${g.up(5)}`, negative: (g) => `A3-${g.up(6)}-${g.up(5)}` },
  { id: "age-secret-key", positive: (g) => `AGE-SECRET-KEY-1${g.chars(BECH32, 58)}`, negative: (g) => `AGE-SECRET-KEY-1${g.chars(BECH32, 20)}` },
  { id: "private-key", positive: (g) => pem(g, "RSA PRIVATE KEY", 640), negative: () => `${DASHES}BEGIN RSA PRIVATE KEY${DASHES}\n...\n${DASHES}END RSA PRIVATE KEY${DASHES}` },
  { id: "jwt", positive: (g) => `Authorization: Bearer ${jwt(g)}`, negative: (g) => `eyJ${g.an(20)}.eyJ${g.an(20)}.${g.url(43)}` },
  { id: "postgres-connection-string", positive: (g) => `DATABASE_URL=postgres://app:${g.an(16)}@db.internal:5432/app`, negative: () => "postgres://postgres:postgres@localhost:5432/app" },
  { id: "mysql-connection-string", positive: (g) => `mysql://root:${g.an(16)}@10.0.0.5:3306/db`, negative: () => "mysql://root:changeme@localhost/db" },
  { id: "mongodb-connection-string", positive: (g) => `mongodb+srv://admin:${g.an(20)}@cluster0.abcd.mongodb.net/test`, negative: () => "mongodb://localhost:27017/test" },
  { id: "redis-connection-string", positive: (g) => `REDIS_URL=redis://:${g.an(24)}@cache.internal:6379/0`, negative: () => "redis://cache.internal:6379/0" },
  { id: "amqp-connection-string", positive: (g) => `amqps://svc:${g.an(20)}@mq.internal/vhost`, negative: () => "amqp://guest:guest@localhost" },
  { id: "url-basic-auth", positive: (g) => `git clone https://deploy:${g.an(20)}@git.acme.dev/repo.git`, negative: () => "https://user:password@host.internal/" },
  { id: "curl-auth-header", positive: (g) => `curl -sS -H "X-Api-Key: ${g.an(32)}" https://api.vendor.io/v1/items`, negative: () => 'curl -H "Authorization: Bearer $API_TOKEN" https://api.vendor.io' },
  { id: "curl-auth-user", positive: (g) => `curl -u admin:${g.an(16)} https://ci.internal/api`, negative: () => "curl -u admin:$PASSWORD https://ci.internal/api" },
];
