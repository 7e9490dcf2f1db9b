import { writeSync } from "node:fs";

import type { THookOutcome, THookOutput } from "../hook/decide";
import type { TFileSourceInfo } from "../hook/file-source-info";

/** How `check` prints: the agent's exact output (default), the decision object, or an explanation */
export type TCheckPrintMode = { json?: boolean; explain?: boolean };

function out(fd: number, text: string): void {
  const buffer = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < buffer.length) offset += writeSync(fd, buffer, offset);
}

/** One `check` outcome as printed: the agent's exact output, or the --json / --explain text (exit 0) */
export function checkOutcomeOutput(opts: { outcome: THookOutcome; info: TFileSourceInfo; mode: TCheckPrintMode }): THookOutput {
  const { outcome, info, mode } = opts;
  if (mode.json) {
    return { stdout: `${JSON.stringify({ decision: outcome.decision, call: outcome.call, policy: info, output: { stdout: outcome.stdout, stderr: outcome.stderr, exitCode: outcome.exitCode } }, null, 2)}\n`, stderr: "", exitCode: 0 };
  }
  if (mode.explain) {
    const { decision, call } = outcome;
    const lines = [`${decision.effect.toUpperCase()}${decision.wouldDeny ? " (observe mode: enforce would deny)" : ""}${decision.warn ? " with a warning" : ""}`, `rule:        ${decision.observedRule ?? decision.rule}`, `reason:      ${decision.reason}`];
    if (decision.destination) lines.push(`destination: ${decision.destination}`);
    if (call) lines.push(`call:        ${call.agent} ${call.tool} (${call.kind})${call.urls.length > 0 ? ` urls: ${call.urls.join(" ")}` : ""}`);
    if (decision.requestCommand) lines.push(`ask access:  ${decision.requestCommand}`);
    lines.push(`policy:      ${info.format}${info.problem ? ` — ${info.problem}` : ""}`, `agent sees:  exit ${outcome.exitCode}, stdout ${outcome.stdout}`);

    return { stdout: `${lines.join("\n")}\n`, stderr: "", exitCode: 0 };
  }

  return { stdout: outcome.stdout, stderr: outcome.stderr, exitCode: outcome.exitCode };
}

/** Prints what {@link checkOutcomeOutput} renders; returns the exit code */
export function printOutput(output: THookOutput): number {
  if (output.stdout) out(1, output.stdout);
  if (output.stderr) out(2, output.stderr);

  return output.exitCode;
}

/** Prints one `check` outcome; returns the exit code (the agent's own unless --json/--explain) */
export function printCheckOutcome(opts: { outcome: THookOutcome; info: TFileSourceInfo; mode: TCheckPrintMode }): number {
  return printOutput(checkOutcomeOutput(opts));
}
