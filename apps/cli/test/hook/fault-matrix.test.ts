import { describe, expect, it } from "vitest";

import { AGENT_NAMES, expectAllow, expectDeny, shellInput } from "../support/agents";
import { runHook, tempHome } from "../support/cli";
import { makeSnapshot } from "../support/signing";
import { writeEnrolledState } from "../support/state";
import { CURL, enrolled, FAULTS, good, keys } from "./faults";

// Every failure on the enforcement path (./faults.ts) × every agent protocol: a deny in that
// agent's exact format, with the failure's OWN reason (not a generic one). Decided in-process here;
// daemon.test.ts runs the same matrix through the hook daemon.

describe("hook fault matrix: every failure denies in every agent's protocol with its own reason", () => {
  for (const fault of FAULTS) {
    describe(fault.name, () => {
      it.each(AGENT_NAMES)("%s", async (agent) => {
        const home = tempHome();
        await fault.setup(home);
        const input = fault.input ? fault.input(agent) : shellInput(agent, CURL);
        const result = await runHook({ agent, home, input });
        const reason = expectDeny(agent, result);
        expect(reason).toMatch(/^egress-control: /);
        expect(reason).toMatch(fault.reason);
        // The reason is specific to this fault: no other fault's text leaks in
        for (const other of FAULTS) if (other !== fault && other.reason.source !== fault.reason.source) expect(reason).not.toMatch(other.reason);
      });
    });
  }
});

describe("hook with a valid snapshot", () => {
  it.each(AGENT_NAMES)("%s: allows an allow-listed host and a local command with an explicit decision", async (agent) => {
    const home = tempHome();
    await enrolled(home);
    expectAllow(agent, await runHook({ agent, home, input: shellInput(agent, "curl -sS https://api.example.com/v1/items") }));
    expectAllow(agent, await runHook({ agent, home, input: shellInput(agent, "ls -la && cat README.md") }));
  });

  it.each(AGENT_NAMES)("%s: an expired snapshot still lets the console host through, so pull can recover", async (agent) => {
    const home = tempHome();
    const expired = makeSnapshot({ keys, version: 5, issuedAt: new Date(Date.now() - 10 * 86_400_000), expiresAt: new Date(Date.now() - 1000) });
    writeEnrolledState({ home, keys, envelope: expired.envelope });
    expectAllow(agent, await runHook({ agent, home, input: shellInput(agent, "curl -sS https://console.example.com/api/v1/snapshot") }));
    // github.com is on the policy's allow-list, but the policy is expired: denied
    expect(expectDeny(agent, await runHook({ agent, home, input: shellInput(agent, "curl https://github.com") }))).toMatch(/expired/);
  });

  it("an unknown agent name is refused with exit 2 and the reason on stderr", async () => {
    const home = tempHome();
    await enrolled(home);
    const result = await runHook({ agent: "windsurf", home, input: shellInput("claude-code", CURL) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown agent `windsurf`: expected one of claude-code, codex, gemini-cli, cursor, copilot/);
  });

  it("the hook never touches the network: enrolled against an unreachable console it still decides", async () => {
    const home = tempHome();
    writeEnrolledState({ home, keys, envelope: good.envelope, server: "https://127.0.0.1:1" });
    const result = await runHook({ agent: "claude-code", home, input: shellInput("claude-code", "curl https://api.example.com") });
    expectAllow("claude-code", result);
  });
});
