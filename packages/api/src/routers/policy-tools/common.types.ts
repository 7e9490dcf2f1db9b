import { z } from "zod";
import { AGENTS } from "@egress/policy";

/** A policy scope name (`default`, `contractors`…); checked in full by the services. */
export const ZToolsScopeSchema = z.string().min(1).max(64).default("default");

/** Which document of a scope: the working draft, what is published, or a numbered revision. */
export const ZPolicyRefSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("draft") }).strict(),
  z.object({ type: z.literal("published") }).strict(),
  z.object({ type: z.literal("revision"), number: z.number().int().positive() }).strict(),
]);

/** An unsaved working copy from the editor (validated by the service, at most 1 MiB as JSON). */
export const ZWorkingDocumentSchema = z.unknown().refine((v) => v === undefined || JSON.stringify(v).length <= 1024 * 1024, { message: "document is larger than 1 MiB" });

export const ZAgentSchema = z.enum(AGENTS);

export const ZIssueSchema = z.object({ path: z.string(), message: z.string() });

/** An evaluation outcome in enforce terms. */
export const ZOutcomeSchema = z.object({ effect: z.enum(["allow", "deny"]), rule: z.string(), reason: z.string(), wouldDeny: z.boolean() });

/** A normalized call as the console shows it. */
export const ZCallSummarySchema = z.object({ agent: z.string(), tool: z.string(), kind: z.string(), server: z.string().nullable(), command: z.string().nullable(), urls: z.array(z.string()) }).nullable();
