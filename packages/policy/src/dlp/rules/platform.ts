import type { TDlpRule } from "../types";
import { keyed } from "./shared";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Hosting, edge and infrastructure platforms */
export const PLATFORM_RULES: readonly TDlpRule[] = [
  {
    id: "heroku-api-key",
    description: "Heroku API key (legacy UUID form, next to a heroku identifier)",
    keywords: ["heroku"],
    pattern: keyed("heroku", UUID),
  },
  {
    id: "heroku-api-key-v2",
    description: "Heroku API key",
    keywords: ["hrku-aa"],
    pattern: /(?<![\w-])(HRKU-AA[\w-]{58})(?![\w-])/,
    minEntropy: 4,
  },
  {
    id: "flyio-access-token",
    description: "Fly.io API / macaroon token",
    keywords: ["fo1_", "fm1", "fm2_"],
    pattern:
      /(?<![A-Za-z0-9])(fo1_[\w-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,4096}={0,3}|fm2_[A-Za-z0-9+/]{100,4096}={0,3})(?![\w+/=-])/,
    minEntropy: 4,
  },
  {
    id: "vercel-access-token",
    description: "Vercel access token (prefixed personal, integration, app or AI-gateway token)",
    keywords: ["vcp_", "vci_", "vca_", "vcr_", "vck_"],
    pattern: /(?<![A-Za-z0-9])(vc[pciark]_[A-Za-z0-9]{24,64})(?![A-Za-z0-9])/,
    minEntropy: 4,
  },
  {
    id: "netlify-access-token",
    description: "Netlify personal access token",
    keywords: ["nfp_"],
    pattern: /(?<![A-Za-z0-9])(nfp_[A-Za-z0-9]{36,48})(?![A-Za-z0-9])/,
    minEntropy: 4,
  },
  {
    id: "supabase-access-token",
    description: "Supabase management API personal access token",
    keywords: ["sbp_"],
    pattern: /(?<![A-Za-z0-9])(sbp_[a-f0-9]{40})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
  {
    id: "supabase-secret-key",
    description: "Supabase secret API key",
    keywords: ["sb_secret_"],
    pattern: /(?<![A-Za-z0-9])(sb_secret_[\w-]{20,64})(?![\w-])/,
    minEntropy: 3.5,
  },
  {
    id: "databricks-api-token",
    description: "Databricks personal access token",
    keywords: ["dapi"],
    pattern: /(?<![A-Za-z0-9])(dapi[a-f0-9]{32}(?:-\d)?)(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "hashicorp-tf-api-token",
    description: "HashiCorp Terraform Cloud / Enterprise API token",
    keywords: ["atlasv1"],
    pattern: /(?<![A-Za-z0-9])([A-Za-z0-9]{14}\.atlasv1\.[\w=-]{60,70})(?![\w=-])/,
    minEntropy: 3.5,
  },
  {
    id: "vault-service-token",
    description: "HashiCorp Vault service token",
    keywords: ["hvs."],
    pattern: /(?<![\w.])(hvs\.[\w-]{90,120})(?![\w-])/,
    minEntropy: 3.5,
  },
  {
    id: "vault-batch-token",
    description: "HashiCorp Vault batch token",
    keywords: ["hvb."],
    pattern: /(?<![\w.])(hvb\.[\w-]{138,300})(?![\w-])/,
    minEntropy: 4,
  },
  {
    id: "pulumi-api-token",
    description: "Pulumi access token",
    keywords: ["pul-"],
    pattern: /(?<![\w-])(pul-[a-f0-9]{40})(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "doppler-api-token",
    description: "Doppler personal, service, service-account, CLI, SCIM or audit token",
    keywords: ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."],
    pattern:
      /(?<![\w.])(dp\.(?:pt|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}|dp\.st\.(?:[\w-]{1,40}\.)?[A-Za-z0-9]{40,44})(?![A-Za-z0-9])/,
    minEntropy: 3.5,
  },
  {
    id: "tailscale-key",
    description: "Tailscale auth key, API access token or OAuth client secret",
    keywords: ["tskey-"],
    pattern: /(?<![\w-])(tskey-(?:api|auth|client|webhook|scim)-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{20,40})(?![\w-])/,
    minEntropy: 3.5,
  },
  {
    id: "cloudflare-api-token",
    description: "Cloudflare API token (prefixed form with checksum)",
    keywords: ["cfk_", "cfut_", "cfat_"],
    pattern: /(?<![A-Za-z0-9])((?:cfk|cfut|cfat)_[A-Za-z0-9]{40}[a-f0-9]{8})(?![A-Za-z0-9])/,
    minEntropy: 4,
  },
  {
    id: "cloudflare-origin-ca-key",
    description: "Cloudflare Origin CA key",
    keywords: ["v1.0-"],
    pattern: /(?<![\w.-])(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "cloudflare-api-key",
    description: "Cloudflare API token or global API key next to a cloudflare identifier",
    keywords: ["cloudflare"],
    pattern: keyed("cloudflare", "[\\w-]{40}|[a-f0-9]{37}"),
    minEntropy: 3.5,
  },
  {
    id: "digitalocean-pat",
    description: "DigitalOcean personal access token",
    keywords: ["dop_v1_"],
    pattern: /(?<![A-Za-z0-9])(dop_v1_[a-f0-9]{64})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
  {
    id: "digitalocean-access-token",
    description: "DigitalOcean OAuth access token",
    keywords: ["doo_v1_"],
    pattern: /(?<![A-Za-z0-9])(doo_v1_[a-f0-9]{64})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
  {
    id: "digitalocean-refresh-token",
    description: "DigitalOcean OAuth refresh token",
    keywords: ["dor_v1_"],
    pattern: /(?<![A-Za-z0-9])(dor_v1_[a-f0-9]{64})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
  {
    id: "planetscale-api-token",
    description: "PlanetScale service token, OAuth token or database password",
    keywords: ["pscale_tkn_", "pscale_oauth_", "pscale_pw_"],
    pattern: /(?<![A-Za-z0-9])(pscale_(?:tkn|oauth|pw)_[\w=.-]{32,64})(?![\w=.-])/,
    minEntropy: 3.5,
  },
];
