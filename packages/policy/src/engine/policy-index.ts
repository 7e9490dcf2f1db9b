/**
 * A precompiled policy: the document without its host lists, plus every host set serialized as
 * sorted key lists. Loading it costs a few strings however many hosts the policy allows, so a
 * process that decides one call (the hook) does not rebuild 10k-entry hash sets each time.
 */
import { hostSetFromSerialized, serializeHostSet, type TSerializedHostSet } from "../hosts/match.js";
import type { TPolicyDocument } from "../schema.js";
import { compileHostSets, compilePolicy, type TCompiledPolicy } from "./compile.js";

/** Layout version of {@link TPolicyIndex}; a reader refuses any other. */
export const POLICY_INDEX_FORMAT = 1;

/** A policy compiled to a JSON-serializable form (see {@link compilePolicyIndex}). */
export type TPolicyIndex = {
  format: typeof POLICY_INDEX_FORMAT;
  /** The document with host lists and policy tests emptied (they live in `hosts` or are not needed to decide) */
  policy: TPolicyDocument;
  hosts: { allow: TSerializedHostSet; deny: TSerializedHostSet; registries: TSerializedHostSet; gitWriteHosts: TSerializedHostSet | null; forgeApiHosts: TSerializedHostSet };
};

/** Builds the index of a parsed policy. Throws if a host key cannot be serialized. */
export function indexPolicy(policy: TPolicyDocument): TPolicyIndex {
  const sets = compileHostSets(policy);
  const stripped = structuredClone(policy) as Partial<TPolicyDocument> & { hosts?: { allow?: string[]; deny?: string[] }; shell?: { registries?: string[]; git?: { writeHosts?: string[]; forgeApiHosts?: string[] } } };
  if (stripped.hosts) {
    if (stripped.hosts.allow) stripped.hosts.allow = [];
    if (stripped.hosts.deny) stripped.hosts.deny = [];
  }
  if (stripped.shell?.registries) stripped.shell.registries = [];
  if (stripped.shell?.git?.writeHosts) stripped.shell.git.writeHosts = [];
  if (stripped.shell?.git?.forgeApiHosts) stripped.shell.git.forgeApiHosts = [];
  if (Array.isArray(stripped.tests)) stripped.tests = [];
  return {
    format: POLICY_INDEX_FORMAT,
    policy: stripped as TPolicyDocument,
    hosts: {
      allow: serializeHostSet(sets.allow),
      deny: serializeHostSet(sets.deny),
      registries: serializeHostSet(sets.registries),
      gitWriteHosts: sets.gitWriteHosts ? serializeHostSet(sets.gitWriteHosts) : null,
      forgeApiHosts: serializeHostSet(sets.forgeApiHosts),
    },
  };
}

function isSerializedSet(value: unknown): value is TSerializedHostSet {
  if (value === null || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return typeof v.exact === "string" && typeof v.exactPort === "string" && typeof v.suffix === "string" && typeof v.suffixPort === "string" && typeof v.size === "number";
}

/**
 * Compiles an index back into an evaluation-ready policy that decides exactly like
 * `compilePolicy(original)` (tested by differential tests). Throws on anything malformed.
 */
export function compilePolicyIndex(index: unknown): TCompiledPolicy {
  const i = index as Partial<TPolicyIndex> | null;
  if (i === null || typeof i !== "object" || i.format !== POLICY_INDEX_FORMAT || i.policy === null || typeof i.policy !== "object" || i.hosts === null || typeof i.hosts !== "object") {
    throw new Error("not a policy index of this version");
  }
  const h = i.hosts;
  if (!isSerializedSet(h.allow) || !isSerializedSet(h.deny) || !isSerializedSet(h.registries) || !isSerializedSet(h.forgeApiHosts) || !(h.gitWriteHosts === null || isSerializedSet(h.gitWriteHosts))) {
    throw new Error("policy index host sets are malformed");
  }
  return compilePolicy(i.policy, {
    allow: hostSetFromSerialized(h.allow),
    deny: hostSetFromSerialized(h.deny),
    registries: hostSetFromSerialized(h.registries),
    gitWriteHosts: h.gitWriteHosts === null ? undefined : hostSetFromSerialized(h.gitWriteHosts),
    forgeApiHosts: hostSetFromSerialized(h.forgeApiHosts),
  });
}
