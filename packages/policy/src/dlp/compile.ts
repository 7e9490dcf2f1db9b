import { DLP_RULES, GENERIC_RULE_IDS } from "./rules/index";
import { unsafePatternReason } from "./safe-pattern";
import type { TCompileDlpOptions, TCompiledDlp, TCustomDlpPattern, TDlpAction, TDlpRule } from "./types";

/** A rule ready to run: global + indices regex (built on first use), lowercase keywords, resolved action */
export type TCompiledRule = {
  id: string;
  keywords: readonly string[];
  readonly regex: RegExp;
  secretGroup: number | undefined;
  minEntropy: number | undefined;
  validate: ((secret: string) => boolean) | undefined;
  action: TDlpAction;
  generic: boolean;
};

const INTERNALS = new WeakMap<object, readonly TCompiledRule[]>();
const CUSTOM_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const BUILT_IN_BY_ID = new Map(DLP_RULES.map((rule) => [rule.id, rule]));

function toRegex(pattern: RegExp | string, extraFlags = ""): RegExp {
  const source = typeof pattern === "string" ? pattern : pattern.source;
  const flags = typeof pattern === "string" ? "" : pattern.flags.replace(/[gyd]/g, "");

  return new RegExp(source, `${flags}${extraFlags}gd`);
}

function assertAction(ruleId: string, action: unknown): asserts action is TDlpAction {
  if (action !== "deny" && action !== "warn") throw new Error(`invalid dlp action \`${String(action)}\` for rule \`${ruleId}\``);
}

function compileCustom(custom: TCustomDlpPattern): TDlpRule & { pattern: RegExp } {
  if (!CUSTOM_ID.test(custom.id)) throw new Error(`invalid custom dlp pattern id \`${custom.id}\`: use lowercase letters, digits, dot, dash or underscore`);
  const caseInsensitive = custom.pattern.startsWith("(?i)");
  const source = caseInsensitive ? custom.pattern.slice(4) : custom.pattern;
  const unsafe = unsafePatternReason(custom.pattern);
  if (unsafe !== undefined) throw new Error(`invalid custom dlp pattern \`${custom.id}\`: ${unsafe}`);
  let regex: RegExp;
  try {
    regex = new RegExp(source, caseInsensitive ? "i" : "");
  } catch (error) {
    const reason = error instanceof Error ? error.message.toLowerCase().replace(/\.$/, "") : "invalid regular expression";
    throw new Error(`invalid custom dlp pattern \`${custom.id}\`: ${reason}`);
  }
  if (regex.test("")) throw new Error(`invalid custom dlp pattern \`${custom.id}\`: pattern matches the empty string`);

  return {
    id: custom.id,
    description: custom.description ?? `custom pattern ${custom.id}`,
    keywords: (custom.keywords ?? []).map((keyword) => keyword.toLowerCase()).filter((keyword) => keyword.length > 0),
    pattern: regex,
  };
}

/**
 * Compile the built-in rules (all, or the `enabled` ids) plus organisation `custom` patterns
 *
 * Throws for an unknown or duplicate rule id, an invalid action, and a custom pattern that does
 * not compile, matches the empty string, or could backtrack catastrophically (nested quantifiers,
 * backreferences, more than 512 characters). Compile once per policy snapshot and reuse the result
 */
export function compileDlp(opts: TCompileDlpOptions = {}): TCompiledDlp {
  const defaultAction = opts.defaultAction ?? "deny";
  assertAction("*", defaultAction);

  const selected: TDlpRule[] = [];
  if (opts.enabled === undefined || opts.enabled === "all") {
    selected.push(...DLP_RULES);
  } else {
    const seen = new Set<string>();
    for (const id of opts.enabled) {
      const rule = BUILT_IN_BY_ID.get(id);
      if (!rule) throw new Error(`unknown dlp rule id \`${id}\``);
      if (seen.has(id)) continue;
      seen.add(id);
      selected.push(rule);
    }
  }

  const knownIds = new Set(selected.map((rule) => rule.id));
  for (const custom of opts.custom ?? []) {
    if (BUILT_IN_BY_ID.has(custom.id) || knownIds.has(custom.id)) throw new Error(`duplicate dlp rule id \`${custom.id}\``);
    selected.push(compileCustom(custom));
    knownIds.add(custom.id);
  }

  const actions = opts.actions ?? {};
  for (const [id, action] of Object.entries(actions)) {
    if (!knownIds.has(id) && !BUILT_IN_BY_ID.has(id)) throw new Error(`unknown dlp rule id \`${id}\` in actions`);
    assertAction(id, action);
  }

  const rules: TCompiledRule[] = selected.map((rule) => ({
    id: rule.id,
    keywords: rule.keywords.map((keyword) => keyword.toLowerCase()),
    // Built on first use: a scan runs only the rules whose keywords occur, so a one-call process
    // (the hook) compiles a handful of the ~115 patterns, not all of them
    get regex(): RegExp {
      const regex = toRegex(rule.pattern);
      Object.defineProperty(this, "regex", { value: regex, enumerable: true });
      return regex;
    },
    secretGroup: rule.secretGroup,
    minEntropy: rule.minEntropy,
    validate: rule.validate,
    action: actions[rule.id] ?? defaultAction,
    generic: GENERIC_RULE_IDS.has(rule.id),
  }));

  const compiled = Object.freeze({ ruleIds: Object.freeze(rules.map((rule) => rule.id)) }) as unknown as TCompiledDlp;
  INTERNALS.set(compiled, rules);

  return compiled;
}

/** The compiled rules behind a {@link TCompiledDlp}; throws for a value not made by {@link compileDlp} */
export function compiledRules(dlp: TCompiledDlp): readonly TCompiledRule[] {
  const rules = INTERNALS.get(dlp);
  if (!rules) throw new Error("dlp rule set was not created by compileDlp");

  return rules;
}

let defaultDlp: TCompiledDlp | undefined;

/** All built-in rules with the default action, compiled once on first use */
export function defaultCompiledDlp(): TCompiledDlp {
  defaultDlp ??= compileDlp();

  return defaultDlp;
}
