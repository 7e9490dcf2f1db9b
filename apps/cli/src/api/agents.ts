import { detectInstalledAgents } from "../install/detect";

/** Agents whose hook is installed on this machine (sent to the console for fleet views); none when detection fails */
export function installedAgentNames(): string[] {
  try {
    return [...new Set(detectInstalledAgents().map((entry) => entry.agent))].sort();
  } catch {
    return [];
  }
}
