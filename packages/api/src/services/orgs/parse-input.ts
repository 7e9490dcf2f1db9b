import type { z } from "zod";
import { AppError } from "@egress/contracts";

/**
 * Validates service input with `schema`. Services validate too (not only the tRPC layer) because the
 * operator command and the REST API call them directly. Failure is BAD_REQUEST with one detail per path.
 */
export function parseInput<TSchema extends z.ZodType>(schema: TSchema, input: unknown): z.output<TSchema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({ path: issue.path.join(".") || "input", message: issue.message }));
  const first = details[0];

  throw new AppError("BAD_REQUEST", first ? `invalid ${first.path}: ${first.message}` : "invalid input", details);
}
