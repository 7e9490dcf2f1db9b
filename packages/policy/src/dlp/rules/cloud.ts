import type { TDlpRule } from "../types";
import { looksReal } from "./shared";

/** Hyperscalers: AWS, Google Cloud, Azure, Alibaba */
export const CLOUD_RULES: readonly TDlpRule[] = [
  {
    id: "aws-access-token",
    description: "AWS access key id (long-term or temporary)",
    keywords: ["a3t", "akia", "asia", "abia", "acca"],
    pattern: /(?<![A-Za-z0-9])((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/,
    minEntropy: 3,
    // Like gitleaks, AWS documentation keys (`AKIA…EXAMPLE`) are allow-listed: they are published placeholders
    validate: (secret) => !secret.endsWith("EXAMPLE"),
  },
  {
    id: "aws-secret-access-key",
    description: "AWS secret access key assigned to a secret_access_key field or variable",
    keywords: ["secret_access_key", "secretaccesskey", "secret-access-key"],
    pattern:
      /secret[_-]?access[_-]?key["']?[ \t]{0,5}(?:=>|:=|=|:)[ \t]{0,5}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/i,
    minEntropy: 4,
    validate: (secret) => !/EXAMPLE/.test(secret),
  },
  {
    id: "aws-bedrock-api-key",
    description: "Amazon Bedrock long-lived API key",
    keywords: ["absk"],
    pattern: /(?<![A-Za-z0-9+/])(ABSK[A-Za-z0-9+/]{109,269}={0,2})(?![A-Za-z0-9+/=])/,
    minEntropy: 4,
  },
  {
    id: "gcp-api-key",
    description: "Google Cloud / Firebase / Maps API key",
    keywords: ["aiza"],
    pattern: /(?<![\w-])(AIza[\w-]{35})(?![\w-])/,
    minEntropy: 4,
  },
  {
    id: "gcp-service-account-key",
    description: "Google Cloud service-account key file (JSON private_key_id)",
    keywords: ['"private_key_id"'],
    pattern: /"private_key_id"[ \t]{0,5}:[ \t]{0,5}"([a-f0-9]{40})"/,
    minEntropy: 3,
  },
  {
    id: "google-oauth-client-secret",
    description: "Google OAuth client secret",
    keywords: ["gocspx-"],
    pattern: /(?<![\w-])(GOCSPX-[\w-]{28})(?![\w-])/,
    minEntropy: 3.5,
  },
  {
    id: "google-oauth-access-token",
    description: "Google OAuth 2.0 access token",
    keywords: ["ya29."],
    pattern: /(?<![\w.-])(ya29\.[\w-]{50,2048})(?![\w-])/,
    minEntropy: 4,
  },
  {
    id: "azure-ad-client-secret",
    description: "Microsoft Entra ID (Azure AD) client secret",
    keywords: ["q~"],
    pattern: /(?<![\w~.-])([\w~.]{3}\dQ~[\w~.-]{31,34})(?![\w~.-])/,
    minEntropy: 3.5,
  },
  {
    id: "azure-storage-account-key",
    description: "Azure storage account key in a connection string",
    keywords: ["accountkey="],
    pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/i,
    minEntropy: 4,
  },
  {
    id: "azure-shared-access-key",
    description: "Azure Service Bus / Event Hubs / IoT shared access key in a connection string",
    keywords: ["sharedaccesskey="],
    pattern: /SharedAccessKey=([A-Za-z0-9+/]{42,43}=)/i,
    minEntropy: 4,
    validate: (secret) => looksReal(secret),
  },
  {
    id: "alibaba-access-key-id",
    description: "Alibaba Cloud AccessKey id",
    keywords: ["ltai"],
    pattern: /(?<![A-Za-z0-9])(LTAI[A-Za-z0-9]{20})(?![A-Za-z0-9])/,
    minEntropy: 3.5,
  },
];
