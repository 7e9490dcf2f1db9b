/**
 * One built-in secret detection rule (gitleaks-style)
 *
 * `keywords` are lowercase substrings; the rule's regex runs only when one of them occurs in the
 * lowercased text. `secretGroup` picks the capture group holding the secret (default: the first
 * capture group that participated, else the whole match). `minEntropy` is a Shannon-entropy floor
 * in bits per character over the secret; `validate` is a last, cheap check (checksums, allow-lists)
 */
export type TDlpRule = {
  id: string;
  description: string;
  keywords: string[];
  pattern: RegExp | string;
  secretGroup?: number;
  minEntropy?: number;
  validate?: (secret: string) => boolean;
};

/** An organisation-defined pattern shipped in the signed policy; a leading `(?i)` makes it case-insensitive */
export type TCustomDlpPattern = {
  id: string;
  pattern: string;
  keywords?: string[];
  description?: string;
};

/** What a finding does to the request: block it, or let it through with a warning */
export type TDlpAction = "deny" | "warn";

/** Options of {@link compileDlp} */
export type TCompileDlpOptions = {
  /** Built-in rule ids to run, or `"all"` (default) */
  enabled?: readonly string[] | "all";
  /** Extra organisation patterns, always enabled */
  custom?: readonly TCustomDlpPattern[];
  /** Per-rule action overrides, keyed by rule id */
  actions?: Readonly<Record<string, TDlpAction>>;
  /** Action of rules without an override; `"deny"` unless set */
  defaultAction?: TDlpAction;
};

declare const compiledDlpBrand: unique symbol;

/** A rule set compiled by {@link compileDlp}; opaque apart from the ids it runs */
export type TCompiledDlp = {
  readonly ruleIds: readonly string[];
  readonly [compiledDlpBrand]: true;
};

/** One secret found by {@link scanText}; `start`/`end` delimit the secret itself (UTF-16 offsets, end exclusive) */
export type TDlpFinding = {
  ruleId: string;
  start: number;
  end: number;
  action: TDlpAction;
  fingerprint: string;
};
