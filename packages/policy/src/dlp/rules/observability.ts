import type { TDlpRule } from "../types";
import { keyed } from "./shared";

/** Monitoring and error tracking: Sentry, Datadog, New Relic, Grafana, Dynatrace */
export const OBSERVABILITY_RULES: readonly TDlpRule[] = [
  {
    id: "sentry-user-token",
    description: "Sentry user auth token",
    keywords: ["sntryu_"],
    pattern: /(?<![A-Za-z0-9])(sntryu_[a-f0-9]{64})(?![A-Za-z0-9])/,
    minEntropy: 3.5,
  },
  {
    id: "sentry-org-token",
    description: "Sentry organization auth token",
    keywords: ["sntrys_"],
    pattern: /(?<![A-Za-z0-9])(sntrys_eyJ[A-Za-z0-9+/=]{40,800}_[A-Za-z0-9+/]{43})(?![A-Za-z0-9+/])/,
    minEntropy: 4,
  },
  {
    id: "datadog-access-token",
    description: "Datadog API key (32 hex) or application key (40 hex) next to a datadog identifier",
    keywords: ["datadog", "dd_api_key", "dd-api-key", "dd_app", "dd-app"],
    pattern: keyed("datadog|dd[_-]api[_-]key|dd[_-]app(?:lication)?[_-]key", "[a-f0-9]{40}|[a-f0-9]{32}"),
    minEntropy: 3,
  },
  {
    id: "new-relic-user-api-key",
    description: "New Relic user API key",
    keywords: ["nrak-"],
    pattern: /(?<![\w-])(NRAK-[A-Z0-9]{27})(?![\w-])/,
    minEntropy: 3.5,
  },
  {
    id: "new-relic-insert-key",
    description: "New Relic insights insert key",
    keywords: ["nrii-"],
    pattern: /(?<![\w-])(NRII-[\w-]{32})(?![\w-])/,
    minEntropy: 3.5,
  },
  {
    id: "new-relic-license-key",
    description: "New Relic ingest license key",
    keywords: ["nral"],
    pattern: /(?<![A-Za-z0-9])([a-f0-9]{36}NRAL)(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
  {
    id: "grafana-cloud-api-token",
    description: "Grafana Cloud API token",
    keywords: ["glc_"],
    pattern: /(?<![A-Za-z0-9])(glc_[A-Za-z0-9+/]{32,400}={0,3})(?![A-Za-z0-9+/=])/,
    minEntropy: 4,
  },
  {
    id: "grafana-service-account-token",
    description: "Grafana service account token",
    keywords: ["glsa_"],
    pattern: /(?<![A-Za-z0-9])(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![A-Za-z0-9])/,
    minEntropy: 3.5,
  },
  {
    id: "grafana-api-key",
    description: "Grafana API key (legacy)",
    keywords: ["eyjrijoi"],
    pattern: /(?<![A-Za-z0-9])(eyJrIjoi[A-Za-z0-9]{70,400}={0,3})(?![A-Za-z0-9=])/,
    minEntropy: 4,
  },
  {
    id: "dynatrace-api-token",
    description: "Dynatrace API token",
    keywords: ["dt0c01."],
    pattern: /(?<![\w.])(dt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64})(?![A-Za-z0-9])/,
    minEntropy: 4,
  },
];
