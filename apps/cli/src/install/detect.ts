export type TInstalledAgent = { agent: string; scope: "user" | "project" | "managed"; file: string; failClosed: boolean | null };

/** Agents whose configuration holds the egress-sync hook (implementation in progress). */
export function detectInstalledAgents(_opts: { home?: string; cwd?: string } = {}): TInstalledAgent[] {
  return [];
}
