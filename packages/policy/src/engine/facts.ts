/**
 * Policy-independent facts about a call (payload strings, parsed destinations, shell analysis,
 * DLP findings per rule set, sentinel matches), memoized on the call object. Pure: the same
 * call always yields the same facts; the cache only avoids recomputing them when one call is
 * evaluated against several policies (console preview) or repeatedly (benchmarks).
 */
import type { TCompiledDlp, TDlpFinding } from "../dlp/index.js";
import { forEachString } from "../hosts/extract.js";
import { labelSuffixes } from "../hosts/match.js";
import { parseUrlDestination, type TParsedDestination } from "../hosts/normalize.js";
import { analyzeShell, type TShellAnalysis } from "../shell/analyze.js";
import { HOME_CREDENTIAL, KILL_SWITCH, PAYLOAD_UPLOAD, PROTECTED_PATH } from "../shell/guards.js";
import type { TNormalizedCall } from "../types.js";
import { scanOutbound } from "./dlp-bridge.js";
import { powershellFindings } from "./shell-rules.js";

/** Memoized facts of one call. */
export type TCallFacts = {
  strings: string[];
  killSwitch: string | undefined;
  protectedRef: string | undefined;
  homeCredential: string | undefined;
  upload: string | undefined;
  destinations: Map<string, TParsedDestination>;
  shell: Map<string, TShellAnalysis>;
  dlp: WeakMap<TCompiledDlp, TDlpFinding[]>;
};

const FACTS = new WeakMap<TNormalizedCall, TCallFacts>();

/** Facts of `call`, computed on first use. */
export function factsOf(call: TNormalizedCall): TCallFacts {
  let f = FACTS.get(call);
  if (f !== undefined) return f;
  const strings: string[] = [];
  if (call.kind === "shell" && typeof call.command === "string") strings.push(call.command);
  else forEachString(call.payload, (s) => strings.push(s));
  f = {
    strings,
    killSwitch: strings.find((s) => KILL_SWITCH.test(s)),
    protectedRef: strings.find((s) => PROTECTED_PATH.test(s)),
    homeCredential: strings.find((s) => HOME_CREDENTIAL.test(s)),
    upload: strings.find((s) => PAYLOAD_UPLOAD.test(s)),
    destinations: new Map(),
    shell: new Map(),
    dlp: new WeakMap(),
  };
  FACTS.set(call, f);
  return f;
}

/** Parsed destination of a URL string (memoized per call). */
export function destinationOf(facts: TCallFacts, url: string): TParsedDestination {
  let d = facts.destinations.get(url);
  if (d === undefined) {
    d = parseUrlDestination(url);
    if (d.ok && d.dest.hostKind === "dns") d.dest.suffixes = labelSuffixes(d.dest.host);
    facts.destinations.set(url, d);
  }
  return d;
}

/** Shell analysis of the call's command with the given protected paths (memoized). */
export function shellOf(call: TNormalizedCall, facts: TCallFacts, protectedPaths: readonly string[], networkCommands: readonly string[] = []): TShellAnalysis {
  const key = `${protectedPaths.join("\0")}\u0001${networkCommands.join("\0")}`;
  let a = facts.shell.get(key);
  if (a === undefined) {
    const command = call.command ?? "";
    a = call.shell === "powershell" ? { findings: powershellFindings(command), fallback: false } : analyzeShell(command, { protectedPaths, networkCommands });
    facts.shell.set(key, a);
  }
  return a;
}

/** DLP findings of the call's outbound text for one compiled rule set (memoized). */
export function dlpOf(facts: TCallFacts, dlp: TCompiledDlp): TDlpFinding[] {
  let r = facts.dlp.get(dlp);
  if (r === undefined) {
    r = scanOutbound(facts.strings, dlp);
    facts.dlp.set(dlp, r);
  }
  return r;
}
