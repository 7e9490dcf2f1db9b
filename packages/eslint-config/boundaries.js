// Import-boundary rules (ARCHITECTURE §2, STYLE §4.3). A forbidden import fails lint.
const NODE_BUILTINS = [
  "node:*", "fs", "fs/*", "path", "os", "child_process", "net", "http", "https", "crypto", "dns", "tls",
  "worker_threads", "process", "url", "stream", "zlib", "readline",
];
const ALL_WORKSPACE = ["@egress/policy", "@egress/snapshot", "@egress/snapshot/*", "@egress/contracts", "@egress/contracts/*", "@egress/db", "@egress/db/*", "@egress/api", "@egress/api/*", "@egress/policy/*"];

const msg = (what) => `import boundary: ${what} (see ARCHITECTURE §2)`;

/** @type {Record<string, { group: string[]; message: string }[]>} */
export const BOUNDARIES = {
  policy: [
    { group: ALL_WORKSPACE, message: msg("@egress/policy imports nothing from the workspace") },
    { group: NODE_BUILTINS, message: msg("@egress/policy is pure: no node built-ins, no I/O") },
  ],
  contracts: [
    { group: ["@egress/snapshot", "@egress/snapshot/*", "@egress/db", "@egress/db/*", "@egress/api", "@egress/api/*"], message: msg("@egress/contracts may use only @egress/policy") },
  ],
  snapshot: [
    { group: ["@egress/db", "@egress/db/*", "@egress/api", "@egress/api/*"], message: msg("@egress/snapshot may use only contracts and policy") },
  ],
  db: [
    { group: ["@egress/policy", "@egress/policy/*", "@egress/snapshot", "@egress/snapshot/*", "@egress/contracts", "@egress/contracts/*", "@egress/api", "@egress/api/*"], message: msg("@egress/db depends on nothing above it") },
  ],
  api: [
    { group: ["next", "next/*", "react", "react-dom", "next-auth", "next-auth/*"], message: msg("@egress/api has no dependency on next, react or next-auth") },
  ],
  cli: [
    { group: ["@egress/db", "@egress/db/*", "@egress/api", "@egress/api/*", "next", "next/*", "react", "react-dom", "@prisma/*", "@egress/snapshot/sign"], message: msg("the CLI uses only policy, snapshot/verify and contracts, and talks to the console over /api/v1") },
  ],
  e2e: [
    { group: ["@egress/api", "@egress/api/*"], message: msg("e2e tests never import api internals") },
  ],
  consoleClient: [
    { group: ["@egress/db", "@egress/db/*", "@egress/api", "@egress/api/*", "@egress/snapshot/sign"], message: msg("only src/server/** and src/app/api/** in the console may import @egress/db or @egress/api") },
  ],
};

/** Flat-config block that forbids the given imports for `files`. */
export function boundary(name, files) {
  const patterns = BOUNDARIES[name];
  if (!patterns) throw new Error(`unknown boundary ${name}`);

  return {
    files,
    rules: { "no-restricted-imports": ["error", { patterns }] },
  };
}
