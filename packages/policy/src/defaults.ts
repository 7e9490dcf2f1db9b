import type { TPolicyDocument } from "./schema.js";

/** Tool-name globs that signal network/send behaviour (fail-closed catch-all). */
export const DEFAULT_NETWORK_NAME_GLOBS = ["mcp__*fetch*", "mcp__*http*", "mcp__*send*", "mcp__*upload*", "mcp__*webhook*", "mcp__*post_message*", "mcp__*request*", "mcp__*curl*", "mcp__*download*", "mcp__*browse*", "mcp__*navigate*", "mcp__*email*", "mcp__*mail*"] as const;

/** API hosts of code forges: raw curl/wget writes there must go through `gh` (owner-scoped). */
export const DEFAULT_FORGE_API_HOSTS = ["api.github.com"] as const;

/** Package registries that package managers may use without `--registry` overrides being gated. */
export const DEFAULT_REGISTRIES = ["registry.npmjs.org", "registry.yarnpkg.com", "pypi.org", "files.pythonhosted.org", "upload.pypi.org", "crates.io", "index.crates.io", "static.crates.io", "rubygems.org", "proxy.golang.org", "sum.golang.org", "repo.maven.apache.org", "registry-1.docker.io"] as const;

/** A sensible starter policy: enforce mode, a few developer hosts, DLP on. */
export function defaultPolicyDocument(): TPolicyDocument {
  return {
    version: 1,
    name: "starter",
    mode: "enforce",
    logLevel: 1,
    hosts: {
      allow: ["github.com", "api.github.com", "codeload.github.com", "raw.githubusercontent.com", "objects.githubusercontent.com", "registry.npmjs.org", "pypi.org", "files.pythonhosted.org", "*.anthropic.com", "docs.python.org", "developer.mozilla.org"],
      deny: [],
      loopback: "allow",
    },
    tools: { deny: [], urlTools: ["mcp__*browser_navigate*", "mcp__*fetch_url*"], networkNameGlobs: [...DEFAULT_NETWORK_NAME_GLOBS], search: "allow" },
    mcp: { connectors: [], connectorTools: [], ownerScopes: [], localServers: [], unknownServers: "deny" },
    shell: {
      network: "allow-listed",
      networkCommands: [],
      pipeToInterpreter: "deny",
      downloadThenExecute: "deny",
      registries: [...DEFAULT_REGISTRIES],
      publish: [],
      git: { reads: "allowed-hosts", denyServerSideMerge: true, denyPublicRepos: true, forgeApiHosts: [...DEFAULT_FORGE_API_HOSTS] },
    },
    files: { protectSensitive: true, extraSensitive: [] },
    dlp: { enabled: "all", custom: [], actions: {} },
    tamper: { protectedPaths: [] },
    tests: [],
  };
}
