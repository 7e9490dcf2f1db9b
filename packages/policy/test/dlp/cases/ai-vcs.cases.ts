import type { TRuleCase } from "../support/gen";

/** AI providers, GitHub, GitLab, Buildkite */
export const AI_VCS_CASES: readonly TRuleCase[] = [
  { id: "anthropic-api-key", positive: (g) => `ANTHROPIC_API_KEY=${"sk-ant-" + "api03-"}${g.url(93)}AA`, negative: (g) => `key: sk-ant-api03-${g.url(80)}AA` },
  { id: "anthropic-admin-api-key", positive: (g) => `"${"sk-ant-" + "admin01-"}${g.url(93)}AA"`, negative: () => `sk-ant-admin01-${"x".repeat(93)}AA` },
  { id: "openai-api-key", positive: (g) => `OPENAI_API_KEY=${"sk-" + "proj-"}${g.url(74)}${"T3Blbk" + "FJ"}${g.url(74)}`, negative: (g) => `sk-proj-${g.url(74)}${g.url(8)}${g.url(74)}` },
  { id: "openrouter-api-key", positive: (g) => `Bearer ${"sk-or-" + "v1-"}${g.hex(64)}`, negative: (g) => `sk-or-v1-${g.hex(40)}` },
  { id: "huggingface-access-token", positive: (g) => `HF_TOKEN=${"hf" + "_"}${g.letters(34)}`, negative: () => `hf_${"a".repeat(34)}` },
  { id: "huggingface-organization-api-token", positive: (g) => `token = "${"api_" + "org_"}${g.letters(34)}"`, negative: (g) => `api_org_${g.letters(12)}` },
  { id: "perplexity-api-key", positive: (g) => `${"pplx" + "-"}${g.an(48)}`, negative: (g) => `pplx-${g.an(30)}` },
  { id: "groq-api-key", positive: (g) => `GROQ_API_KEY=${"gsk" + "_"}${g.an(52)}`, negative: () => `gsk_${"0".repeat(52)}` },
  { id: "xai-api-key", positive: (g) => `${"xai" + "-"}${g.an(80)}`, negative: (g) => `xai-${g.an(20)}` },
  { id: "langsmith-api-key", positive: (g) => `${"lsv2" + "_pt_"}${g.hex(32)}_${g.hex(10)}`, negative: (g) => `lsv2_pt_${g.hex(32)}` },
  { id: "github-pat", positive: (g) => `git push https://${"gh" + "p_"}${g.an(36)}@github.com/acme/app.git`, negative: () => `ghp_${"x".repeat(36)}` },
  { id: "github-oauth", positive: (g) => `${"gh" + "o_"}${g.an(36)}`, negative: (g) => `gho_${g.an(35)}` },
  { id: "github-app-token", positive: (g) => `GITHUB_TOKEN: ${"gh" + "s_"}${g.an(36)}`, negative: (g) => `ghx_${g.an(36)}` },
  { id: "github-refresh-token", positive: (g) => `"refresh": "${"gh" + "r_"}${g.an(36)}"`, negative: (g) => `ghr_${g.an(40)}` },
  { id: "github-fine-grained-pat", positive: (g) => `${"github" + "_pat_"}${g.an(22)}_${g.an(59)}`, negative: (g) => `github_pat_${g.an(40)}` },
  { id: "gitlab-pat", positive: (g) => `PRIVATE-TOKEN ${"gl" + "pat-"}${g.url(20)}`, negative: (g) => `glpat-${g.url(12)}` },
  { id: "gitlab-runner-authentication-token", positive: (g) => `token = "${"gl" + "rt-"}${g.url(20)}"`, negative: () => `glrt-${"a".repeat(20)}` },
  { id: "gitlab-ptt", positive: (g) => `${"gl" + "ptt-"}${g.hex(40)}`, negative: (g) => `glptt-${g.hex(20)}` },
  { id: "gitlab-deploy-token", positive: (g) => `${"gl" + "dt-"}${g.an(20)}`, negative: (g) => `gldt-${g.url(10)}` },
  { id: "gitlab-rrt", positive: (g) => `--registration-token ${"GR134" + "8941"}${g.an(20)}`, negative: (g) => `GR1348941${g.url(8)}` },
  { id: "gitlab-cicd-job-token", positive: (g) => `${"gl" + "cbt-"}${g.an(2)}_${g.url(20)}`, negative: (g) => `glcbt-${g.url(20)}` },
  { id: "buildkite-api-token", positive: (g) => `${"bk" + "ua_"}${g.hex(40)}`, negative: (g) => `bkua_${g.hex(30)}` },
];
