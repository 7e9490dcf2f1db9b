/**
 * `@egress/policy`: the pure policy engine of Egress Control — policy schema, importer,
 * agent adapters, host normalization, shell analysis, DLP and evaluate() → decision.
 */
export * from "./engine.js";
export { ZPolicyDocumentSchema, ZConnectorSchema, ZPolicyTestSchema, parsePolicyDocument, policyJsonSchema, hostEntryProblem } from "./schema.js";
export type { TPolicyDocumentInput, TPolicyIssue } from "./schema.js";
export { importCrossProviderPolicy, isCrossProviderPolicy } from "./import-cpeg.js";
export { DEFAULT_FORGE_API_HOSTS, DEFAULT_NETWORK_NAME_GLOBS, DEFAULT_REGISTRIES } from "./defaults.js";
export { parseUrlDestination, parseHostPort, isLoopback, formatDestination, type TDestination } from "./hosts/normalize.js";
export { urlsInPayload } from "./hosts/extract.js";
export { analyzeShell } from "./shell/analyze.js";
export * from "./dlp/index.js";
