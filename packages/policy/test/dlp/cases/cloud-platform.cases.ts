import type { TRuleCase } from "../support/gen";

const AWS_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** AWS, Google, Azure, Alibaba and hosting / infrastructure platforms */
export const CLOUD_PLATFORM_CASES: readonly TRuleCase[] = [
  { id: "aws-access-token", positive: (g) => `aws_access_key_id = AKIA${g.chars(AWS_ALPHABET, 16)}`, negative: () => `aws_access_key_id = ${"AKIA" + "IOSFODNN7" + "EXAMPLE"}` },
  {
    id: "aws-secret-access-key",
    positive: (g) => `aws_secret_access_key = ${g.b64(40)}`,
    negative: () => `aws_secret_access_key = ${"wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLE" + "KEY"}`,
  },
  { id: "aws-bedrock-api-key", positive: (g) => `AWS_BEARER_TOKEN_BEDROCK=ABSK${g.b64(132)}`, negative: (g) => `ABSK${g.b64(60)}` },
  { id: "gcp-api-key", positive: (g) => `https://maps.googleapis.com/maps/api/geocode/json?key=AIza${g.url(35)}`, negative: (g) => `AIza${g.url(20)}` },
  { id: "gcp-service-account-key", positive: (g) => `{"type": "service_account", "private_key_id": "${g.hex(40)}"}`, negative: (g) => `{"private_key_id": "${g.hex(12)}"}` },
  { id: "google-oauth-client-secret", positive: (g) => `client_secret=GOCSPX-${g.url(28)}`, negative: (g) => `GOCSPX-${g.url(10)}` },
  { id: "google-oauth-access-token", positive: (g) => `ya29.${g.url(120)}`, negative: (g) => `ya29.${g.url(20)}` },
  { id: "azure-ad-client-secret", positive: (g) => `AZURE_CLIENT_SECRET: ${g.an(3)}8Q~${g.url(34)}`, negative: (g) => `${g.an(3)}8Q~${g.url(20)}` },
  {
    id: "azure-storage-account-key",
    positive: (g) => `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${g.b64(86)}==;EndpointSuffix=core.windows.net`,
    negative: (g) => `AccountName=acct;AccountKey=${g.b64(40)}==`,
  },
  {
    id: "azure-shared-access-key",
    positive: (g) => `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${g.b64(43)}=`,
    negative: (g) => `SharedAccessKeyName=Root;SharedAccessKey=${g.b64(20)}=`,
  },
  { id: "alibaba-access-key-id", positive: (g) => `LTAI${g.an(20)}`, negative: (g) => `LTAI${g.an(10)}` },
  { id: "heroku-api-key", positive: (g) => `HEROKU_API_KEY=${g.uuid()}`, negative: (g) => `HEROKU_API_KEY=${g.hex(32)}` },
  { id: "heroku-api-key-v2", positive: (g) => `HRKU-AA${g.url(58)}`, negative: (g) => `HRKU-AA${g.url(30)}` },
  { id: "flyio-access-token", positive: (g) => `FLY_API_TOKEN=fo1_${g.url(43)}`, negative: (g) => `fo1_${g.url(20)}` },
  { id: "vercel-access-token", positive: (g) => `vercel deploy --token vcp_${g.an(48)}`, negative: () => `vcp_${"a".repeat(48)}` },
  { id: "netlify-access-token", positive: (g) => `NETLIFY_AUTH_TOKEN=nfp_${g.an(40)}`, negative: (g) => `nfp_${g.an(20)}` },
  { id: "supabase-access-token", positive: (g) => `sbp_${g.hex(40)}`, negative: (g) => `sbp_${g.hex(20)}` },
  { id: "supabase-secret-key", positive: (g) => `sb_secret_${g.url(31)}`, negative: () => `sb_secret_${"x".repeat(31)}` },
  { id: "databricks-api-token", positive: (g) => `DATABRICKS_TOKEN=dapi${g.hex(32)}`, negative: (g) => `dapi${g.hex(16)}` },
  { id: "hashicorp-tf-api-token", positive: (g) => `token = "${g.an(14)}.atlasv1.${g.url(67)}"`, negative: (g) => `${g.an(14)}.atlasv2.${g.url(67)}` },
  { id: "vault-service-token", positive: (g) => `X-Vault-Token hvs.${g.url(95)}`, negative: (g) => `hvs.${g.url(30)}` },
  { id: "vault-batch-token", positive: (g) => `hvb.${g.url(150)}`, negative: (g) => `hvb.${g.url(50)}` },
  { id: "pulumi-api-token", positive: (g) => `PULUMI_ACCESS_TOKEN=pul-${g.hex(40)}`, negative: (g) => `pul-${g.hex(20)}` },
  { id: "doppler-api-token", positive: (g) => `dp.pt.${g.an(43)}`, negative: (g) => `dp.pt.${g.an(20)}` },
  { id: "tailscale-key", positive: (g) => `tailscale up --authkey tskey-auth-${g.an(12)}-${g.an(32)}`, negative: (g) => `tskey-auth-${g.an(12)}` },
  { id: "cloudflare-api-token", positive: (g) => `cfut_${g.an(40)}${g.hex(8)}`, negative: (g) => `cfut_${g.an(20)}` },
  { id: "cloudflare-origin-ca-key", positive: (g) => `v1.0-${g.hex(24)}-${g.hex(146)}`, negative: (g) => `v1.0-${g.hex(24)}-${g.hex(40)}` },
  { id: "cloudflare-api-key", positive: (g) => `CLOUDFLARE_API_TOKEN="${g.url(40)}"`, negative: () => `cloudflare_zone = "example.com"` },
  { id: "digitalocean-pat", positive: (g) => `doctl auth init -t dop_v1_${g.hex(64)}`, negative: (g) => `dop_v1_${g.hex(32)}` },
  { id: "digitalocean-access-token", positive: (g) => `doo_v1_${g.hex(64)}`, negative: (g) => `doo_v1_${g.hex(32)}` },
  { id: "digitalocean-refresh-token", positive: (g) => `dor_v1_${g.hex(64)}`, negative: (g) => `dor_v1_${g.hex(32)}` },
  { id: "planetscale-api-token", positive: (g) => `pscale_tkn_${g.url(43)}`, negative: (g) => `pscale_tkn_${g.url(10)}` },
];
