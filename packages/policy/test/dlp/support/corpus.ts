import { createGen, type TGen } from "./gen";

// Ordinary lines an agent sends every day; `{sha}`-style slots are filled with random but harmless values
const TEMPLATES = [
  'import { useState, useEffect } from "react";',
  'import type { TPolicySet } from "@egress/policy";',
  "export function parseConfig(input: string): TConfig {",
  "  const token = process.env.GITHUB_TOKEN ?? \"\";",
  "  const apiKey = process.env.OPENAI_API_KEY;",
  "  if (!secret) throw new Error(\"missing secret\");",
  "  return { key: `${prefix}-${id}`, value };",
  "const headers = { Authorization: `Bearer ${token}`, Accept: \"application/json\" };",
  "await fetch(`https://api.github.com/repos/${owner}/${repo}/pulls`, { headers });",
  "const password = await prompt(\"Password: \");",
  "def get_secret(name: str) -> str:",
  "    return os.environ[\"AWS_SECRET_ACCESS_KEY\"]",
  "SELECT id, email, created_at FROM users WHERE id = $1;",
  "commit {sha}",
  "Merge: {short} {short}",
  "    fix(parser): handle trailing dots in host names ({short})",
  "  \"integrity\": \"sha512-{b64_88}==\",",
  "  \"resolved\": \"https://registry.npmjs.org/@types/node/-/node-20.11.5.tgz\",",
  "image: ghcr.io/acme/api@sha256:{hex64}",
  "request_id={uuid} trace_id={hex32} span_id={hex16}",
  "  \"id\": \"{uuid}\", \"name\": \"build-{digits}\",",
  "data:image/png;base64,{b64_200}",
  "AWS example key id: AKIAIOSFODNN7EXAMPLE (from the AWS docs)",
  "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}",
  "OPENAI_API_KEY=sk-...your-key-here",
  "GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}",
  "export NODE_ENV=production",
  "curl -H \"Authorization: Bearer $TOKEN\" https://api.vendor.io/v1/items",
  "curl -u \"$USER:$PASS\" https://ci.internal/api/json",
  "DATABASE_URL=postgres://postgres:postgres@localhost:5432/dev",
  "mongodb://localhost:27017/test",
  "redis://cache.internal:6379/0",
  "password: ${DB_PASSWORD}",
  "git clone git@github.com:acme/app.git && cd app && npm ci",
  "docker run --rm -p 8080:80 nginx:1.27-alpine",
  "kubectl get pods -n payments -o wide",
  "The SDK reads the key from the environment; never commit it to the repository.",
  "Rotate the token every 90 days and store it in the secret manager.",
  "See https://docs.stripe.com/keys for test keys such as sk_test_xxxxxxxxxxxxxxxxxxxxxxxx.",
  "Slack tokens start with xoxb- or xoxp-; ours live in Vault.",
  "const uuid = crypto.randomUUID(); // e.g. {uuid}",
  "const hash = createHash(\"sha256\").update(body).digest(\"hex\"); // {hex64}",
  "  \"version\": \"1.{digits}.0\", \"license\": \"MIT\",",
  "eyJ is how base64-encoded JSON objects begin",
  "ghp_ prefixed tokens are classic GitHub PATs; github_pat_ are fine-grained",
  "const re = /^(?:[a-z0-9-]+\\.)+[a-z]{2,63}$/i;",
  "    at Object.<anonymous> (/home/dev/app/src/index.ts:{digits}:7)",
  "[info] GET /api/v1/snapshots/stable/latest 200 {digits}ms",
  "| Rule | Status | Owner |",
  "- [x] add DLP rules for AKIA…, ghp_…, xoxb-… (see design doc)",
  "font-family: -apple-system, BlinkMacSystemFont, \"Segoe UI\", Roboto, sans-serif;",
  "<a href=\"https://example.com/path?utm_source=newsletter&utm_medium=email\">read more</a>",
  "SK-123 ticket: move the pipeline to the new runner",
  "pattern: ^pat[A-Za-z0-9]{14}$ matches Airtable ids",
  "twilio account sid AC{hex32}",
  "version: '3.9'\nservices:\n  db:\n    image: postgres:16",
  "-----BEGIN CERTIFICATE-----",
  "-----BEGIN PUBLIC KEY-----",
  "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{b64_43} dev@laptop",
  "const key = `${namespace}:${id}`; cache.set(key, value, { ttl: 60 });",
];

function fill(template: string, g: TGen): string {
  return template
    .replace(/\{sha\}/g, () => g.hex(40))
    .replace(/\{short\}/g, () => g.hex(7))
    .replace(/\{hex64\}/g, () => g.hex(64))
    .replace(/\{hex32\}/g, () => g.hex(32))
    .replace(/\{hex16\}/g, () => g.hex(16))
    .replace(/\{uuid\}/g, () => g.uuid())
    .replace(/\{digits\}/g, () => g.digits(3))
    .replace(/\{b64_88\}/g, () => g.b64(86))
    .replace(/\{b64_200\}/g, () => g.b64(200))
    .replace(/\{b64_43\}/g, () => g.b64(43));
}

/** `lines` lines of ordinary code, config, logs and prose that must produce no finding */
export function falsePositiveCorpus(lines: number, seed = 1): string[] {
  const g = createGen(seed);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(fill(TEMPLATES[i % TEMPLATES.length] ?? "", g));

  return out;
}

/** About `bytes` characters of prose built only from words that contain no rule keyword */
export function keywordFreeText(bytes: number, seed = 1): string {
  const words = ["lorem", "ipsum", "dolor", "amet", "render", "window", "button", "modal", "list", "item", "value", "number", "layout", "grid", "font", "color", "margin", "border", "hover", "focus"];
  const g = createGen(seed);
  let out = "";
  while (out.length < bytes) out += `${words[Math.floor(Number.parseInt(g.digits(2), 10) % words.length)] ?? ""} `;

  return out.slice(0, bytes);
}
