import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

import { AGENT_NAMES, expectDeny, shellInput } from "../support/agents";
import { BIN, cliEnv, tempHome } from "../support/cli";

// The bin dispatcher is the only code between the agent and the hook bundle: if the bundle cannot
// load (broken install, truncated file), it must still print a deny in the agent's protocol, because
// a crash exits 1 and every agent lets the call run on exit 1.

function brokenInstall(): string {
  const dist = mkdtempSync(join(tmpdir(), "egress-dist-"));
  cpSync(dirname(BIN), dist, { recursive: true });
  writeFileSync(join(dist, "hook.cjs"), "this is not javascript (");

  return join(dist, "egress-sync.cjs");
}

describe("dispatcher", () => {
  it.each(AGENT_NAMES)("%s: a hook bundle that cannot load is a deny in the agent's protocol", (agent) => {
    const bin = brokenInstall();
    const home = tempHome();
    const result = spawnSync(process.execPath, [bin, "hook", agent], { env: cliEnv(home), input: JSON.stringify(shellInput(agent, "ls")), encoding: "utf8" });
    const reason = expectDeny(agent, { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr });
    expect(reason).toMatch(/^egress-control: the hook cannot start \(.*\): the call is denied; reinstall egress-sync, then run `egress-sync doctor`/);
  });

  it("an unknown agent with a broken bundle exits 2 with the reason on stderr", () => {
    const result = spawnSync(process.execPath, [brokenInstall(), "hook", "windsurf"], { env: cliEnv(tempHome()), input: "{}", encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/the hook cannot start/);
  });

  it("a code cache from another build is ignored, not trusted: the hook still decides", () => {
    const bin = brokenInstall();
    cpSync(BIN.replace(/egress-sync\.cjs$/, "hook.cjs"), join(dirname(bin), "hook.cjs"));
    writeFileSync(join(dirname(bin), "hook.cjs.v8cache"), Buffer.alloc(4096, 7));
    const result = spawnSync(process.execPath, [bin, "hook", "claude-code"], { env: cliEnv(tempHome()), input: JSON.stringify(shellInput("claude-code", "curl https://evil.example.net")), encoding: "utf8" });
    expect(expectDeny("claude-code", { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr })).toMatch(/not enrolled/);
  });
});
