import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
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

  it("the code caches the build writes are the ones this Node.js accepts (else every start compiles in full)", () => {
    const dist = dirname(BIN);
    for (const name of ["hook.cjs", "cli.cjs", "shell-parser.cjs"]) {
      const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(join(dist, name), "utf8")}\n})`, { filename: join(dist, name), cachedData: readFileSync(join(dist, `${name}.v8cache`)) });
      expect(script.cachedDataRejected, name).toBe(false);
    }
  });

  it("a CLI code cache from another build is ignored: commands still run", () => {
    const bin = brokenInstall();
    cpSync(BIN.replace(/egress-sync\.cjs$/, "hook.cjs"), join(dirname(bin), "hook.cjs"));
    writeFileSync(join(dirname(bin), "cli.cjs.v8cache"), Buffer.alloc(4096, 7));
    const result = spawnSync(process.execPath, [bin, "--version"], { env: cliEnv(tempHome()), encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("a code cache from another build is ignored, not trusted: the hook still decides", () => {
    const bin = brokenInstall();
    cpSync(BIN.replace(/egress-sync\.cjs$/, "hook.cjs"), join(dirname(bin), "hook.cjs"));
    writeFileSync(join(dirname(bin), "hook.cjs.v8cache"), Buffer.alloc(4096, 7));
    const result = spawnSync(process.execPath, [bin, "hook", "claude-code"], { env: cliEnv(tempHome()), input: JSON.stringify(shellInput("claude-code", "curl https://evil.example.net")), encoding: "utf8" });
    expect(expectDeny("claude-code", { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr })).toMatch(/not enrolled/);
  });
});
