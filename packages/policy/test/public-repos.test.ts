/** A repository created public or made public exposes its code to anyone: denied unless shell.git.denyPublicRepos is off. */
import { describe, expect, test } from "vitest";
import { compilePolicy, defaultPolicyDocument, parsePolicyDocument } from "../src/index.js";
import { decideTool } from "./hook-calls.js";

function policyWith(denyPublicRepos?: boolean) {
  const doc = defaultPolicyDocument();
  doc.hosts.allow.push("github.com", "api.github.com");
  doc.shell.git = { ...doc.shell.git, writeOwners: ["acme"], ...(denyPublicRepos === undefined ? {} : { denyPublicRepos }) };
  doc.mcp.connectors = [{ name: "github", tools: ["mcp__github__*"], owners: ["acme"] }];
  return compilePolicy(doc);
}
const strict = policyWith();
const open = policyWith(false);
const bash = (policy: ReturnType<typeof compilePolicy>, command: string) => decideTool(policy, "Bash", { command });

const SHELL: string[] = [
  "gh repo create acme/leak --public --source . --push",
  "gh repo create acme/leak --public",
  "gh repo edit acme/web --visibility public --accept-visibility-change-consequences",
  "gh repo edit --visibility=public --accept-visibility-change-consequences",
  "gh api -X PATCH repos/acme/web -f visibility=public",
  "gh api repos/acme/web -X PATCH -F private=false",
  "gh api orgs/acme/repos --field name=leak --field visibility=public",
  "cd /home/dev/project && gh repo create acme/leak --public",
];

describe("gh: public repositories and gists", () => {
  test.each(SHELL)("%s", (command) => {
    const d = bash(strict, command);
    expect(d).toMatchObject({ effect: "deny", rule: "git.public_repo" });
    expect(d.reason).toMatch(/readable by anyone/);
    expect(d.requestCommand).toBeUndefined();
  });

  test.each(SHELL)("%s: allowed with denyPublicRepos off (still owner-scoped)", (command) => {
    expect(bash(open, command).effect).toBe("allow");
  });

  test("a public gist, where gists may be written", () => {
    const doc = defaultPolicyDocument();
    doc.hosts.allow.push("github.com");
    const anyOwner = compilePolicy(doc);
    expect(bash(anyOwner, "gh gist create --public notes.md")).toMatchObject({ effect: "deny", rule: "git.public_repo" });
    expect(bash(anyOwner, "gh gist create -p notes.md")).toMatchObject({ effect: "deny", rule: "git.public_repo" });
    expect(bash(anyOwner, "gh gist create notes.md").effect).toBe("allow");
  });

  test.each([
    "gh repo create acme/svc --private --source . --push",
    "gh repo create acme/svc --internal",
    "gh repo edit acme/web --visibility private",
    "gh repo edit acme/web --description 'public API docs'",
    "gh api -X PATCH repos/acme/web -f description='a public api'",
    "gh repo view acme/web --json visibility",
  ])("%s is not a public repository", (command) => {
    expect(bash(strict, command).rule).not.toBe("git.public_repo");
  });
});

describe("GitHub connector: public repositories", () => {
  test.each([
    [{ name: "leak", organization: "acme", private: false }, /would create a public repository/],
    [{ name: "leak", organization: "acme", visibility: "public" }, /would create a public repository/],
    [{ name: "leak", organization: "acme" }, /without `private: true`/],
  ])("create_repository %j", (input, reason) => {
    const d = decideTool(strict, "mcp__github__create_repository", input);
    expect(d).toMatchObject({ effect: "deny", rule: "git.public_repo" });
    expect(d.reason).toMatch(reason);
  });

  test("update_repository making it public", () => {
    expect(decideTool(strict, "mcp__github__update_repository", { owner: "acme", repo: "web", private: false })).toMatchObject({ effect: "deny", rule: "git.public_repo" });
    expect(decideTool(strict, "mcp__github__update_repository", { owner: "acme", repo: "web", description: "x" }).effect).toBe("allow");
  });

  test("private, internal, or the setting off: allowed", () => {
    expect(decideTool(strict, "mcp__github__create_repository", { name: "svc", organization: "acme", private: true }).effect).toBe("allow");
    expect(decideTool(strict, "mcp__github__create_repository", { name: "svc", organization: "acme", visibility: "internal" }).effect).toBe("allow");
    expect(decideTool(open, "mcp__github__create_repository", { name: "svc", organization: "acme" }).effect).toBe("allow");
  });

  test("the owner scope still applies first", () => {
    expect(decideTool(strict, "mcp__github__create_repository", { name: "leak", organization: "evilorg", private: true })).toMatchObject({ effect: "deny", rule: "mcp.owner_scope" });
  });
});

test("shell.git.denyPublicRepos defaults to true", () => {
  const parsed = parsePolicyDocument({ version: 1 });
  expect(parsed.ok && parsed.policy.shell.git.denyPublicRepos).toBe(true);
});

test("gh api orgs/<org>/… writes are that org's", () => {
  expect(bash(open, "gh api orgs/acme/repos -f name=svc -F private=true").effect).toBe("allow");
  expect(bash(open, "gh api /orgs/evilorg/repos -f name=leak")).toMatchObject({ effect: "deny", rule: "shell.git_write", destination: "github.com/evilorg" });
});
