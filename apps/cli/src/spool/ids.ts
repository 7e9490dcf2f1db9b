import { loadUlid } from "./load-ulid.cjs";

/** A new ULID for an event (time-sortable, unique per device; the server deduplicates by device and id) */
export function newEventId(timeMs: number): string {
  return loadUlid()(timeMs);
}
