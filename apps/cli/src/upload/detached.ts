/** Starts `egress-sync flush` in the background; returns immediately (implementation in progress). */
export function startDetachedFlush(_opts: { stateDir: string }): void {
  // filled in by cli-ops
}
