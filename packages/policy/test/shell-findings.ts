/** Shared views of analyzeShell's findings for the shell test files. */
import { analyzeShell } from "../src/shell/analyze.js";
import type { TShellFinding } from "../src/shell/findings.js";

export const findingsOf = (command: string): TShellFinding[] => analyzeShell(command).findings;
export const hostsOf = (command: string): string[] => findingsOf(command).flatMap((f) => (f.type === "host" ? [f.dest.host] : []));
export const typesOf = (command: string): string[] => findingsOf(command).map((f) => f.type);
