import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

import { writeEnrollment } from "../upload/state";
import { runCli, sandbox } from "./cli";

test("nothing set up: doctor fails and prints the enroll and install commands", () => {
  const box = sandbox();
  const result = runCli({ args: ["doctor"], env: box.env, cwd: box.root });
  expect(result.status).toBe(1);
  expect(result.stdout).toContain("FAIL  this device is not enrolled");
  expect(result.stdout).toContain("FAIL  no agent hook is installed");
  expect(result.stdout).toContain("to fix:\n  egress-sync enroll --server <console-url> --token <enrollment-token>\n  egress-sync install claude-code");
});

test("enrolled but no snapshot: doctor says to pull", () => {
  const box = sandbox();
  writeEnrollment({ state: box.state, server: "http://127.0.0.1:9" });
  writeFileSync(join(box.state, "root.json"), JSON.stringify({ version: 1, fingerprint: "x", document: {}, envelope: {}, pinnedAt: new Date().toISOString() }));
  const result = runCli({ args: ["doctor", "--json", "--no-sample"], env: box.env, cwd: box.root });
  expect(result.status).toBe(1);
  const report = JSON.parse(result.stdout);
  expect(report.ok).toBe(false);
  expect(report.checks).toContainEqual(expect.objectContaining({ id: "enrollment", status: "ok" }));
  expect(report.checks).toContainEqual(expect.objectContaining({ id: "snapshot", status: "fail", fix: "egress-sync pull" }));
});

test("installed hooks: doctor runs a sample decision through each, and reports a missing binary and a fail-closed knob turned off", () => {
  const box = sandbox();
  expect(runCli({ args: ["install", "cursor"], env: box.env, cwd: box.root }).status).toBe(0);
  expect(runCli({ args: ["install", "claude-code"], env: box.env, cwd: box.root }).status).toBe(0);
  const ok = JSON.parse(runCli({ args: ["doctor", "--json"], env: box.env, cwd: box.root }).stdout);
  expect(ok.checks).toContainEqual(expect.objectContaining({ id: "sample:cursor:user", status: "ok" }));
  expect(ok.checks).toContainEqual(expect.objectContaining({ id: "sample:claude-code:user", status: "ok" }));
  expect(ok.checks).toContainEqual(expect.objectContaining({ id: "hook:cursor:user", status: "ok" }));

  const cursorFile = join(box.home, ".cursor", "hooks.json");
  writeFileSync(cursorFile, readFileSync(cursorFile, "utf8").replaceAll('"failClosed": true', '"failClosed": false'));
  const claudeFile = join(box.home, ".claude", "settings.json");
  writeFileSync(claudeFile, readFileSync(claudeFile, "utf8").replaceAll("egress-sync.cjs", "gone/egress-sync.cjs"));
  const broken = runCli({ args: ["doctor"], env: box.env, cwd: box.root });
  expect(broken.status).toBe(1);
  expect(broken.stdout).toContain("the fail-closed setting is off");
  expect(broken.stdout).toMatch(/the hook runs `[^`]*gone\/egress-sync\.cjs`, which no longer exists/);
  expect(broken.stdout).toContain("  egress-sync install cursor --scope user");
  expect(broken.stdout).toContain("  egress-sync install claude-code --scope user");
});

test("agents without a fail-closed setting are reported as a warning, not hidden", () => {
  const box = sandbox();
  expect(runCli({ args: ["install", "gemini-cli"], env: box.env, cwd: box.root }).status).toBe(0);
  const report = JSON.parse(runCli({ args: ["doctor", "--json", "--no-sample"], env: box.env, cwd: box.root }).stdout);
  expect(report.checks).toContainEqual(expect.objectContaining({ id: "fail-closed:gemini-cli:user", status: "warn" }));
});
