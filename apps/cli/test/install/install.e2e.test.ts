import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, test } from "vitest";

import { CLI, NODE, runCli, sandbox } from "./cli";

const AGENTS = ["claude-code", "codex", "gemini-cli", "cursor", "copilot"] as const;
const FIXTURES = resolve(import.meta.dirname, "../fixtures/install");

function fixture(agent: string, name: string): string {
  return readFileSync(join(FIXTURES, agent, name), "utf8").replaceAll("{{NODE}}", NODE).replaceAll("{{CLI}}", CLI);
}

function configPath(opts: { agent: string; scope: "user" | "project"; home: string; project: string }): string {
  const base = opts.scope === "user" ? opts.home : opts.project;
  const rel: Record<string, [string, string]> = {
    "claude-code": [".claude/settings.json", ".claude/settings.json"],
    codex: [".codex/hooks.json", ".codex/hooks.json"],
    "gemini-cli": [".gemini/settings.json", ".gemini/settings.json"],
    cursor: [".cursor/hooks.json", ".cursor/hooks.json"],
    copilot: [".copilot/hooks/egress-sync.json", ".github/hooks/egress-sync.json"],
  };
  const pair = rel[opts.agent];
  if (!pair) throw new Error(opts.agent);

  return join(base, opts.scope === "user" ? pair[0] : pair[1]);
}

function backups(file: string): string[] {
  return readdirSync(dirname(file)).filter((name) => name.startsWith(`${file.split("/").at(-1)}.egress-backup-`));
}

test("fixture paths are shell-safe so the expected files can name them verbatim", () => {
  expect(NODE).toMatch(/^[A-Za-z0-9_/.,:@%+=-]+$/);
  expect(CLI).toMatch(/^[A-Za-z0-9_/.,:@%+=-]+$/);
});

describe.each(AGENTS)("%s", (agent) => {
  describe.each(["user", "project"] as const)("scope %s", (scope) => {
    test("install merges into an existing file byte for byte, keeps comments, backs up, is idempotent, and uninstall restores the original bytes", () => {
      const box = sandbox();
      mkdirSync(join(box.project, ".git"), { recursive: true });
      const file = configPath({ agent, scope, home: box.home, project: box.project });
      mkdirSync(dirname(file), { recursive: true });
      const before = fixture(agent, "before.json");
      writeFileSync(file, before);
      chmodSync(file, 0o640);

      const first = runCli({ args: ["install", agent, "--scope", scope, "--json"], env: box.env, cwd: join(box.project) });
      expect(first.stderr).toBe("");
      expect(first.status).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, agent, scope, file, action: "updated" });
      expect(readFileSync(file, "utf8")).toBe(fixture(agent, "after.json"));
      expect(backups(file)).toHaveLength(1);
      expect(readFileSync(join(dirname(file), backups(file)[0] ?? ""), "utf8")).toBe(before);

      const second = runCli({ args: ["install", agent, "--scope", scope, "--json"], env: box.env, cwd: box.project });
      expect(JSON.parse(second.stdout)).toMatchObject({ action: "unchanged" });
      expect(readFileSync(file, "utf8")).toBe(fixture(agent, "after.json"));
      expect(backups(file)).toHaveLength(1);

      const removed = runCli({ args: ["uninstall", agent, "--scope", scope], env: box.env, cwd: box.project });
      expect(removed.status).toBe(0);
      expect(readFileSync(file, "utf8")).toBe(before);
      expect(readFileSync(file).toString("base64")).toBe(Buffer.from(before).toString("base64"));
    });

    test("install creates the file when missing and uninstall deletes it again", () => {
      const box = sandbox();
      mkdirSync(join(box.project, ".git"), { recursive: true });
      const file = configPath({ agent, scope, home: box.home, project: box.project });
      const result = runCli({ args: ["install", agent, "--scope", scope], env: box.env, cwd: box.project });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`created \`${file}\``);
      expect(result.stdout).toMatch(/fail-closed: (on|not available)/);
      expect(readFileSync(file, "utf8")).toBe(fixture(agent, "created.json"));
      expect(runCli({ args: ["uninstall", agent, "--scope", scope], env: box.env, cwd: box.project }).status).toBe(0);
      expect(existsSync(file)).toBe(false);
    });
  });
});

describe("refusals", () => {
  test("a config file that is not valid json is refused and left untouched", () => {
    const box = sandbox();
    const file = join(box.home, ".claude", "settings.json");
    mkdirSync(dirname(file), { recursive: true });
    const broken = '{ "model": "opus", // note\n  "hooks": { ';
    writeFileSync(file, broken);
    const result = runCli({ args: ["install", "claude-code"], env: box.env, cwd: box.root });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`\`${file}\` is not valid json`);
    expect(result.stderr).toContain("nothing was changed");
    expect(readFileSync(file, "utf8")).toBe(broken);
    expect(backups(file)).toHaveLength(0);
  });

  test("a hooks key that is not an object is refused", () => {
    const box = sandbox();
    const file = join(box.home, ".gemini", "settings.json");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{ "hooks": ["not", "an", "object"] }\n');
    const result = runCli({ args: ["install", "gemini-cli"], env: box.env, cwd: box.root });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("`hooks` in");
    expect(readFileSync(file, "utf8")).toBe('{ "hooks": ["not", "an", "object"] }\n');
  });

  test("a symlinked config file is refused and neither the link nor its target changes", () => {
    const box = sandbox();
    const target = join(box.root, "dotfiles", "cursor-hooks.json");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, '{ "version": 1 }\n');
    const link = join(box.home, ".cursor", "hooks.json");
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(target, link);
    const result = runCli({ args: ["install", "cursor"], env: box.env, cwd: box.root });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("is a symlink to");
    expect(readFileSync(target, "utf8")).toBe('{ "version": 1 }\n');
  });

  test("--dry-run prints the new content and writes nothing", () => {
    const box = sandbox();
    const result = runCli({ args: ["install", "codex", "--dry-run"], env: box.env, cwd: box.root });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("(dry run) would be created");
    expect(result.stdout).toContain(`${CLI} hook codex`);
    expect(existsSync(join(box.home, ".codex", "hooks.json"))).toBe(false);
  });

  test("unknown agent and unknown scope are usage errors listing what is accepted", () => {
    const box = sandbox();
    const agent = runCli({ args: ["install", "windsurf"], env: box.env, cwd: box.root });
    expect(agent.status).toBe(2);
    expect(agent.stderr).toContain("unknown agent `windsurf`: expected one of `claude-code`");
    const scope = runCli({ args: ["install", "cursor", "--scope", "global"], env: box.env, cwd: box.root });
    expect(scope.status).toBe(2);
    expect(scope.stderr).toContain("unknown scope `global`");
  });
});

describe("managed scope", () => {
  test.each([
    ["claude-code", "etc/claude-code/managed-settings.json"],
    ["gemini-cli", "etc/gemini-cli/settings.json"],
    ["cursor", "etc/cursor/hooks.json"],
  ])("%s installs into the system location as root", (agent, rel) => {
    const box = sandbox();
    const result = runCli({ args: ["install", agent, "--scope", "managed"], env: box.env, cwd: box.root });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readFileSync(join(box.managed, rel), "utf8")).toBe(fixture(agent, "created.json"));
  });

  test.each(["codex", "copilot"])("%s refuses managed install with a clear message", (agent) => {
    const box = sandbox();
    const result = runCli({ args: ["install", agent, "--scope", "managed"], env: box.env, cwd: box.root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`managed install for \`${agent}\``));
    expect(existsSync(box.managed)).toBe(false);
  });

  test.runIf(process.getuid?.() === 0)("a non-root user is told to use sudo and nothing is written", () => {
    const box = sandbox();
    chmodSync(box.root, 0o755);
    const result = runCli({ args: ["install", "claude-code", "--scope", "managed"], env: box.env, cwd: "/", uid: 65534 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("`--scope managed` writes system files and needs root: run it again with sudo");
    expect(existsSync(join(box.managed, "etc"))).toBe(false);
  });
});
