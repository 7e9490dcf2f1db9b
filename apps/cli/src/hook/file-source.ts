import { readFileSync } from "node:fs";
import { compilePolicy, importCrossProviderPolicy, isCrossProviderPolicy, parsePolicyDocument } from "@egress/policy";

import { lockdownPolicy } from "./policy-source";
import type { TPolicySource } from "./policy-source";

/** How a policy file was read, for `check --explain` */
export type TFileSourceInfo = { format: "native" | "cross-provider" | "unknown"; problem?: string };

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
export function filePolicySource(file: string): { source: TPolicySource; info: TFileSourceInfo } {
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

  return { source: { kind: "ok", compiled: compilePolicy(parsed.policy), version: 0 }, info: { format: isCrossProvider ? "cross-provider" : "native" } };
}
