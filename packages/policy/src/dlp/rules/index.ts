import type { TDlpRule } from "../types";
import { AI_RULES } from "./ai";
import { CLOUD_RULES } from "./cloud";
import { COMMS_RULES } from "./comms";
import { GENERIC_RULES } from "./generic";
import { OBSERVABILITY_RULES } from "./observability";
import { PACKAGE_RULES } from "./packages";
import { PLATFORM_RULES } from "./platform";
import { SAAS_RULES } from "./saas";
import { VCS_RULES } from "./vcs";

/**
 * The built-in rule table: high-precision, gitleaks-derived rules with keyword prefilters,
 * bounded quantifiers and entropy floors, in a stable order
 */
export const DLP_RULES: readonly TDlpRule[] = Object.freeze([
  ...AI_RULES,
  ...VCS_RULES,
  ...CLOUD_RULES,
  ...PLATFORM_RULES,
  ...COMMS_RULES,
  ...SAAS_RULES,
  ...OBSERVABILITY_RULES,
  ...PACKAGE_RULES,
  ...GENERIC_RULES,
]);

/** Ids of {@link DLP_RULES}, in table order */
export const DLP_RULE_IDS: readonly string[] = Object.freeze(DLP_RULES.map((rule) => rule.id));

/**
 * Rules whose match is a shape (a URL userinfo, a curl header) rather than a provider format;
 * when a finding overlaps a provider-specific one, the specific rule names the redaction
 */
export const GENERIC_RULE_IDS: ReadonlySet<string> = new Set([
  "url-basic-auth",
  "curl-auth-header",
  "curl-auth-user",
  "jwt",
]);
