import type { TDlpRule } from "../types";

/** Source hosting and CI: GitHub, GitLab, Buildkite */
export const VCS_RULES: readonly TDlpRule[] = [
  {
    id: "github-pat",
    description: "GitHub personal access token (classic)",
    keywords: ["ghp_"],
    pattern: /(?<![A-Za-z0-9])(ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
  {
    id: "github-oauth",
    description: "GitHub OAuth access token",
    keywords: ["gho_"],
    pattern: /(?<![A-Za-z0-9])(gho_[A-Za-z0-9]{36})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
  {
    id: "github-app-token",
    description: "GitHub App user-to-server or installation token",
    keywords: ["ghu_", "ghs_"],
    pattern: /(?<![A-Za-z0-9])((?:ghu|ghs)_[A-Za-z0-9]{36})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
  {
    id: "github-refresh-token",
    description: "GitHub refresh token",
    keywords: ["ghr_"],
    pattern: /(?<![A-Za-z0-9])(ghr_[A-Za-z0-9]{36})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
  {
    id: "github-fine-grained-pat",
    description: "GitHub fine-grained personal access token",
    keywords: ["github_pat_"],
    pattern: /(?<![A-Za-z0-9])(github_pat_\w{82})(?!\w)/,
    minEntropy: 3,
  },
  {
    id: "gitlab-pat",
    description: "GitLab personal, project or group access token (classic and routable)",
    keywords: ["glpat-"],
    pattern: /(?<![A-Za-z0-9])(glpat-[\w-]{20,300}(?:\.[0-9a-z]{9})?)(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "gitlab-runner-authentication-token",
    description: "GitLab runner authentication token",
    keywords: ["glrt-"],
    pattern: /(?<![A-Za-z0-9])(glrt-[\w-]{20,300}(?:\.[0-9a-z]{9})?)(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "gitlab-ptt",
    description: "GitLab pipeline trigger token",
    keywords: ["glptt-"],
    pattern: /(?<![A-Za-z0-9])(glptt-[a-f0-9]{40})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
  {
    id: "gitlab-deploy-token",
    description: "GitLab deploy token",
    keywords: ["gldt-"],
    pattern: /(?<![A-Za-z0-9])(gldt-[\w-]{20})(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "gitlab-rrt",
    description: "GitLab runner registration token",
    keywords: ["gr1348941"],
    pattern: /(?<![A-Za-z0-9])(GR1348941[\w-]{20})(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "gitlab-cicd-job-token",
    description: "GitLab CI/CD job token",
    keywords: ["glcbt-"],
    pattern: /(?<![A-Za-z0-9])(glcbt-[0-9a-zA-Z]{1,5}_[\w-]{20})(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "buildkite-api-token",
    description: "Buildkite user API access token",
    keywords: ["bkua_"],
    pattern: /(?<![A-Za-z0-9])(bkua_[a-f0-9]{40})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
];
