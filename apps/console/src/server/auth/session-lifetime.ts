/**
 * Whether a session issued at `authTime` (seconds since the epoch) is past its absolute lifetime.
 * A session without an issue time is treated as expired (fail closed).
 */
export function isSessionExpired({ authTime, now, maxAgeSeconds }: { authTime: number | undefined; now: number; maxAgeSeconds: number }): boolean {
  if (authTime === undefined || !Number.isFinite(authTime)) return true;

  return now - authTime > maxAgeSeconds || authTime > now + 60;
}
