import type { TDlpRule } from "../types";

/** Package registries, artifact stores and secret managers */
export const PACKAGE_RULES: readonly TDlpRule[] = [
  {
    id: "npm-access-token",
    description: "npm access token",
    keywords: ["npm_"],
    pattern: /(?<![A-Za-z0-9])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])/,
    minEntropy: 3.5,
  },
  {
    id: "pypi-upload-token",
    description: "PyPI upload token",
    keywords: ["pypi-ageichlwas5vcmc"],
    pattern: /(?<![\w-])(pypi-AgEIcHlwaS5vcmc[\w-]{50,1000})(?![\w-])/,
    minEntropy: 3.5,
  },
  {
    id: "rubygems-api-token",
    description: "RubyGems API key",
    keywords: ["rubygems_"],
    pattern: /(?<![A-Za-z0-9])(rubygems_[a-f0-9]{48})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
  {
    id: "clojars-api-token",
    description: "Clojars deploy token",
    keywords: ["clojars_"],
    pattern: /(?<![A-Za-z0-9])(CLOJARS_[a-z0-9]{60})(?![A-Za-z0-9])/i,
    minEntropy: 3.5,
  },
  {
    id: "dockerhub-pat",
    description: "Docker Hub personal or organization access token",
    keywords: ["dckr_pat_", "dckr_oat_"],
    pattern: /(?<![A-Za-z0-9])(dckr_(?:pat|oat)_[\w-]{27,40})(?![\w-])/,
    minEntropy: 3.5,
  },
  {
    id: "artifactory-api-key",
    description: "JFrog Artifactory API key",
    keywords: ["akcp"],
    pattern: /(?<![A-Za-z0-9])(AKCp[A-Za-z0-9]{69})(?![A-Za-z0-9])/,
    minEntropy: 4.5,
  },
  {
    id: "1password-service-account-token",
    description: "1Password service account token",
    keywords: ["ops_"],
    pattern: /(?<![A-Za-z0-9])(ops_eyJ[A-Za-z0-9+/]{250,4096}={0,3})(?![A-Za-z0-9+/=])/,
    minEntropy: 4,
  },
  {
    id: "1password-secret-key",
    description: "1Password account secret key",
    keywords: ["a3-"],
    pattern:
      /(?<![\w-])(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![\w-])/,
    minEntropy: 3.8,
  },
  {
    id: "age-secret-key",
    description: "age encryption secret key",
    keywords: ["age-secret-key-1"],
    pattern: /(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Z0-9])/,
    minEntropy: 3,
  },
];
