/** Wires the DLP engine (src/dlp) into evaluation: one scan over every outbound string. */
import { compileDlp, scanText, scanTokenShapes, type TCompiledDlp, type TDlpFinding } from "../dlp/index.js";
import type { TPolicyDocument } from "../schema.js";

/** Compiled DLP, or the error that made compilation fail (evaluation then fails closed). */
export type TDlpBridge = { compiled: TCompiledDlp; actions: Readonly<Record<string, "deny" | "warn">>; error?: undefined } | { compiled?: undefined; error: string };

/** Compiles the policy's `dlp` section. Never throws. */
export function loadDlp(section: Partial<TPolicyDocument["dlp"]> | undefined): TDlpBridge | undefined {
  if (section?.enabled !== undefined && Array.isArray(section.enabled) && section.enabled.length === 0 && (section.custom ?? []).length === 0) return undefined;
  try {
    return { compiled: compileDlp({ enabled: section?.enabled ?? "all", custom: section?.custom ?? [], actions: section?.actions ?? {} }), actions: section?.actions ?? {} };
  } catch (e) {
    return { error: e instanceof Error ? e.message : "dlp rules could not be compiled" };
  }
}

/** Scans the outbound text of a call. */
export function scanOutbound(texts: readonly string[], dlp: TCompiledDlp): TDlpFinding[] {
  if (texts.length === 0) return [];
  const text = texts.length === 1 ? (texts[0] ?? "") : texts.join("\n");
  const findings = scanText(text, dlp);

  return [...findings, ...scanTokenShapes({ text, dlp, found: findings })];
}
