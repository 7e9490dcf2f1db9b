/** Resource owners named by a connector payload (GitHub-style), lower-cased. */
import { forEachString } from "../hosts/extract.js";

const OWNER_KEYS = new Set(["owner", "org", "organization", "organisation", "repoowner", "repo_owner", "owner_login", "ownerlogin", "namespace", "account", "user", "username"]);
const FULL_NAME_KEYS = new Set(["repository", "full_name", "fullname", "repository_full_name", "repo", "repo_full_name", "nameWithOwner", "namewithowner", "slug", "target_repo", "base_repo", "head_repo"]);
const GITHUB_URL = /(?:^|[^a-z0-9.-])(?:www\.|api\.)?github\.com\.?[/:]+(?:repos\/)?([A-Za-z0-9_.-]+)/gi;

/** Every owner positively identified in the payload (nested objects and JSON strings included). */
export function ownersInPayload(payload: unknown): Set<string> {
  const owners = new Set<string>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 10 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      const key = k.toLowerCase();
      if (OWNER_KEYS.has(key)) {
        if (typeof x === "string" && x !== "") owners.add(x.toLowerCase());
        else if (x !== null && typeof x === "object" && typeof (x as { login?: unknown }).login === "string") owners.add(((x as { login: string }).login).toLowerCase());
      }
      if ((FULL_NAME_KEYS.has(key) || FULL_NAME_KEYS.has(k)) && typeof x === "string" && /^[^/\s]+\/[^/\s]+/.test(x) && !x.includes("://")) owners.add((x.split("/")[0] ?? "").toLowerCase());
      visit(x, depth + 1);
    }
  };
  visit(payload, 0);
  forEachString(payload, (s) => {
    GITHUB_URL.lastIndex = 0;
    for (const m of s.matchAll(GITHUB_URL)) if (m[1] && !/^(repos|orgs|users|settings|login|features|about|topics|marketplace|apps)$/i.test(m[1])) owners.add(m[1].toLowerCase());
    if (s.trimStart().startsWith("{")) {
      try {
        visit(JSON.parse(s), 1);
      } catch {
        // not JSON
      }
    }
  });
  owners.delete("");
  return owners;
}

const CREATES_REPOSITORY = /(create|fork)_?(repository|repo)|repos?_(create|fork)|generate_repository/i;

/**
 * The owner a connector call creates or forks a repository into (`create_repository`,
 * `fork_repository`): its `organization`/`org` field, else the authenticated user's own account.
 */
export function repositoryTargetOwner(tool: string, payload: unknown): string | undefined {
  if (!CREATES_REPOSITORY.test(tool.slice(tool.lastIndexOf("__") + 2))) return undefined;
  const rec = payload !== null && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  for (const k of ["organization", "org", "organisation", "target_owner", "targetOwner"]) {
    const v = rec[k];
    if (typeof v === "string" && v !== "") return v.toLowerCase();
  }
  // create_repository's `owner` names the new repository's owner; fork_repository's names the source.
  const owner = rec.owner;
  if (/create|generate/i.test(tool) && typeof owner === "string" && owner !== "") return owner.toLowerCase();

  return "(authenticated user)";
}

const CHANGES_REPOSITORY = /(create|update|edit)_?(repository|repo)|repos?_(create|update|edit)|generate_repository/i;

/**
 * Why a connector call creates a public repository or makes one public, if it does: `private:
 * false`, `visibility: "public"`, or a creation that leaves both out (GitHub's default is public)
 */
export function publicRepositoryCall(tool: string, payload: unknown): string | undefined {
  const name = tool.slice(tool.lastIndexOf("__") + 2);
  if (!CHANGES_REPOSITORY.test(name)) return undefined;
  const rec = payload !== null && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  const visibility = typeof rec.visibility === "string" ? rec.visibility.toLowerCase() : undefined;
  const isPrivate = rec.private === true || rec.private === "true";
  if (visibility === "public" || rec.private === false || rec.private === "false") return /create|generate/i.test(name) ? "would create a public repository" : "would make the repository public";
  if (/create|generate/i.test(name) && !isPrivate && visibility !== "private" && visibility !== "internal") return "would create a repository without `private: true`, which GitHub makes public";

  return undefined;
}
