/**
 * DLP for outbound agent payloads: a gitleaks-derived secret rule table, a fast scanner with keyword
 * prefilters and entropy floors, and redaction to stable fingerprints for events and logs. Pure:
 * no I/O, no clock, no environment
 */
export { compileDlp } from "./compile";
export { shannonEntropy } from "./entropy";
export { fingerprintSecret } from "./fingerprint";
export { isSecretEnvName, isSecretName, stripCredentials } from "./credentials";
export { redactText, redactValue, REDACTED } from "./redact";
export { DLP_RULE_IDS, DLP_RULES } from "./rules/index";
export { MAX_CUSTOM_PATTERN_LENGTH } from "./safe-pattern";
export { scanText } from "./scan";
export { scanTokenShapes } from "./shapes";
export type { TCompileDlpOptions, TCompiledDlp, TCustomDlpPattern, TDlpAction, TDlpFinding, TDlpRule } from "./types";
