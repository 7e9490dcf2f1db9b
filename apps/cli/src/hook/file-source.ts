import { readFileSync } from "node:fs";
import { compilePolicy, importCrossProviderPolicy, isCrossProviderPolicy, parsePolicyDocument } from "@egress/policy";

import { policyFileFingerprint, writeCheckCache } from "../check/policy-cache";
import type { TFileSourceInfo } from "./file-source-info";
import { lockdownPolicy } from "./policy-source";
import type { TPolicySource } from "./policy-source";

export type { TFileSourceInfo } from "./file-source-info";

function failed(file: string, why: string): { source: TPolicySource; info: TFileSourceInfo } {
  const reason = `the policy file \`${file}\` ${why}: every network call is denied until it is fixed`;

  return { source: { kind: "failed", code: "policy_file_invalid", reason, fallback: lockdownPolicy() }, info: { format: "unknown", problem: reason } };
}

function issuesText(errors: readonly { path: string; message: string }[]): string {
  return errors
    .slice(0, 3)
    .map((issue) => `\`${issue.path}\`: ${issue.message}`)
    .join("; ");
}

/**
 * Loads a policy file for `check`: a native policy document, or a cross-provider-egress-guard
 * `mcp-gate-policy.json` (detected and imported). A missing, unreadable or invalid file yields a
 * failed source that denies every network-shaped call with the reason
 */
export function filePolicySource(file: string, opts: { cacheDir?: string } = {}): { source: TPolicySource; info: TFileSourceInfo } {
  const fingerprint = opts.cacheDir === undefined ? undefined : policyFileFingerprint(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;

    return failed(file, code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? "unknown error"})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return failed(file, `is not valid json (${error instanceof Error ? error.message.toLowerCase() : "parse error"})`);
  }
  const isCrossProvider = isCrossProviderPolicy(json);
  let document: unknown = json;
  if (isCrossProvider) {
    const imported = importCrossProviderPolicy(json) as unknown;
    const result = imported as { ok?: boolean; policy?: unknown; document?: unknown; errors?: { path: string; message: string }[] };
    if (result.ok === false) return failed(file, `is a cross-provider-egress-guard policy that cannot be imported (${issuesText(result.errors ?? [])})`);
    document = result.ok === true ? (result.policy ?? result.document) : imported;
  }
  const parsed = parsePolicyDocument(document);
  if (!parsed.ok) return failed(file, `is not a valid policy (${issuesText(parsed.errors)})`);

  const info: TFileSourceInfo = { format: isCrossProvider ? "cross-provider" : "native" };
  const compiled = compilePolicy(parsed.policy);
  // Valid: the next `check` of this unchanged file can skip validation (see check/policy-cache.ts)
  if (opts.cacheDir !== undefined && fingerprint !== undefined) writeCheckCache({ cacheDir: opts.cacheDir, path: file, fingerprint, policy: parsed.policy, info });

  return { source: { kind: "ok", compiled, version: 0 }, info };
}
