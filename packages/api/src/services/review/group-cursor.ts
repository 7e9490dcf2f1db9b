import { AppError } from "@egress/contracts";

/** Sort orders of the review queue; each has an index on EventGroup. */
export type TGroupSort = "recent" | "count";

/** Keyset cursor: the sort value and id of the last row of a page, opaque to clients. */
export function encodeGroupCursor(sort: TGroupSort, row: { id: string; lastSeen: Date; eventCount: number }): string {
  const value = sort === "recent" ? row.lastSeen.toISOString() : row.eventCount;

  return Buffer.from(JSON.stringify([sort, value, row.id])).toString("base64url");
}

/** Reads a cursor made by {@link encodeGroupCursor} for the same sort; anything else is BAD_REQUEST. */
export function decodeGroupCursor(sort: TGroupSort, cursor: string): { value: string | number; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === sort && typeof parsed[2] === "string") {
      const [, value, id] = parsed as [string, unknown, string];
      if (sort === "recent" && typeof value === "string" && !Number.isNaN(Date.parse(value))) return { value, id };
      if (sort === "count" && typeof value === "number" && Number.isInteger(value)) return { value, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("BAD_REQUEST", "cursor is not valid for this sort: start again without it");
}

/** `%term%` for ILIKE with the term's wildcards escaped. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The event group an access request's target would have produced (see events/group-key.ts). */
export function groupKeyForTarget(kind: string, target: string): string {
  if (kind === "connector") return `connector:${target}`;
  if (kind === "command") return `command:${target.trim().split(/\s+/)[0] ?? ""}`;

  return target.toLowerCase();
}
