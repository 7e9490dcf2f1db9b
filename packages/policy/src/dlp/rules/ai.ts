import type { TDlpRule } from "../types";

/** AI model providers: Anthropic, OpenAI, OpenRouter, Hugging Face, Perplexity, Groq, xAI, LangSmith */
export const AI_RULES: readonly TDlpRule[] = [
  {
    id: "anthropic-api-key",
    description: "Anthropic API key",
    keywords: ["sk-ant-api03"],
    pattern: /(?<![\w-])(sk-ant-api03-[\w-]{93}AA)(?![\w-])/,
    minEntropy: 3.5,
  },
  {
    id: "anthropic-admin-api-key",
    description: "Anthropic Admin API key",
    keywords: ["sk-ant-admin01"],
    pattern: /(?<![\w-])(sk-ant-admin01-[\w-]{93}AA)(?![\w-])/,
    minEntropy: 3.5,
  },
  {
    id: "openai-api-key",
    description: "OpenAI API key (project, service account, admin or legacy user key)",
    keywords: ["t3blbkfj"],
    pattern:
      /(?<![\w-])(sk-(?:proj|svcacct|admin)-(?:[\w-]{74}|[\w-]{58})T3BlbkFJ(?:[\w-]{74}|[\w-]{58})|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "openrouter-api-key",
    description: "OpenRouter API key",
    keywords: ["sk-or-v1-"],
    pattern: /(?<![\w-])(sk-or-v1-[a-f0-9]{64})(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "huggingface-access-token",
    description: "Hugging Face user access token",
    keywords: ["hf_"],
    pattern: /(?<![A-Za-z0-9])(hf_[A-Za-z]{34})(?![A-Za-z0-9])/,
    minEntropy: 3.5,
  },
  {
    id: "huggingface-organization-api-token",
    description: "Hugging Face organization API token",
    keywords: ["api_org_"],
    pattern: /(?<![A-Za-z0-9])(api_org_[A-Za-z]{34})(?![A-Za-z0-9])/,
    minEntropy: 3.5,
  },
  {
    id: "perplexity-api-key",
    description: "Perplexity API key",
    keywords: ["pplx-"],
    pattern: /(?<![\w-])(pplx-[A-Za-z0-9]{48})(?![\w-])/,
    minEntropy: 4,
  },
  {
    id: "groq-api-key",
    description: "Groq API key",
    keywords: ["gsk_"],
    pattern: /(?<![A-Za-z0-9])(gsk_[A-Za-z0-9]{52})(?![A-Za-z0-9])/,
    minEntropy: 4,
  },
  {
    id: "xai-api-key",
    description: "xAI (Grok) API key",
    keywords: ["xai-"],
    pattern: /(?<![\w-])(xai-[A-Za-z0-9]{80})(?![\w-])/,
    minEntropy: 4,
  },
  {
    id: "langsmith-api-key",
    description: "LangSmith personal or service API key",
    keywords: ["lsv2_"],
    pattern: /(?<![A-Za-z0-9])(lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
];
