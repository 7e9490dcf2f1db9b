/** Tabs of the policy workspace. A plain module: server pages and client components both read it. */
export const TABS = ["editor", "diff", "impact", "tests", "try", "history", "import-export"] as const;
export type TTab = (typeof TABS)[number];

/** The tab named in the URL, or the editor. */
export function parseTab(tab: string | undefined): TTab {
  return (TABS as readonly string[]).includes(tab ?? "") ? (tab as TTab) : "editor";
}
