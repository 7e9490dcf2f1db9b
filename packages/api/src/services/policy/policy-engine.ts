import { AppError } from "@egress/contracts";
import {
  importCrossProviderPolicy,
  isCrossProviderPolicy,
  parsePolicyDocument,
  redactText,
  runPolicyTests,
  type TPolicyDocument,
} from "@egress/policy";

// The one place that adapts @egress/policy's API to the services' needs (AppErrors with paths).

/** Parses a native policy document; invalid → POLICY_INVALID with one detail per problem path. */
export function validatePolicyDocument(document: unknown): TPolicyDocument {
  const parsed = parsePolicyDocument(document);
  if (!parsed.ok) throw new AppError("POLICY_INVALID", `policy document is invalid: ${parsed.errors.length} problem(s)`, parsed.errors);

  return parsed.policy;
}

/** Runs the document's own policy tests; any failure → POLICY_TESTS_FAILED naming the failing tests in `details`. */
export function assertPolicyTestsPass(policy: TPolicyDocument): void {
  const results = runPolicyTests(policy).map((result, index) => ({ ...result, index }));
  const failures = results.filter((test) => !test.passed);
  if (failures.length === 0) return;
  throw new AppError(
    "POLICY_TESTS_FAILED",
    `${failures.length} of ${results.length} policy test(s) failed: ${failures.map((f) => `\`${f.name}\``).join(", ")}`,
    failures.map((f) => ({
      path: `tests.${f.index}`,
      message: `\`${f.name}\`: expected ${f.expected}, got ${f.actual.wouldDeny ? "deny (observe)" : f.actual.effect} (${f.actual.observedRule ?? f.actual.rule}): ${f.actual.reason}`,
    })),
  );
}

/**
 * Accepts a native document or a cross-provider-egress-guard `mcp-gate-policy.json` and returns
 * the native document with what the importer could not map (empty for native documents).
 */
export function importPolicyDocument(document: unknown): { document: unknown; report: { path: string; message: string }[] } {
  if (isCrossProviderPolicy(document)) {
    const imported = importCrossProviderPolicy(document);
    if (!imported.ok) throw new AppError("POLICY_INVALID", "cross-provider policy cannot be imported", imported.errors);
    validatePolicyDocument(imported.policy);

    return { document: imported.policy, report: imported.report };
  }
  // Native documents are stored as written (defaults stay implicit); they must validate
  validatePolicyDocument(document);

  return { document, report: [] };
}

/** Re-applies DLP redaction server-side (defence in depth: devices redact before they spool). */
export function redactFreeText(text: string | undefined): string | undefined {
  return text === undefined ? undefined : redactText(text);
}
