import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { closeSync, constants, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { HOOKD_POOL_SIZE } from "../../src/hook/daemon";
import { MAX_HOOK_INPUT_BYTES, STDIN_TIMEOUT_MS } from "../../src/hook/run-hook";
import { AGENT_NAMES, expectAllow, expectDeny, shellInput } from "../support/agents";
import type { TAgentName } from "../support/agents";
import { BIN, cliEnv, tempHome } from "../support/cli";
import type { TRunResult } from "../support/cli";
import { makeSnapshot } from "../support/signing";
import { payloadDigest, writeEnrolledState } from "../support/state";
import { CURL, enrolled, FAULTS, flipSignature, keys } from "./faults";

// The hook daemon (src/hook/daemon.ts) answers hook calls from an already loaded engine; the
// dispatcher (src/bin/dispatcher.cjs) falls back to deciding in-process whenever it does not get a
// proper answer. To prove a call was answered BY THE DAEMON, each test runs a private copy of dist/
// and replaces its hook bundle with garbage once the daemon has loaded it: decided in-process, the
// call would then be denied with "the hook cannot start".

const ALLOWED = "curl -sS https://api.example.com/v1/items";
const children: ChildProcess[] = [];

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => stopChild(child)));
});

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();

  return new Promise((done) => {
    child.once("exit", () => done());
    child.kill("SIGCONT");
    child.kill("SIGKILL");
  });
}

function daemonEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return cliEnv(home, { EGRESS_SYNC_HOOKD: "1", EGRESS_SYNC_HOOKD_IDLE_MS: "60000", ...extra });
}

/** A private copy of the built CLI; `breakBundle` makes any in-process decision impossible */
function distCopy(): { bin: string; breakBundle: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "egress-dist-"));
  cpSync(dirname(BIN), dir, { recursive: true });

  return { bin: join(dir, "egress-sync.cjs"), breakBundle: () => writeFileSync(join(dir, "hook.cjs"), "this is not javascript (") };
}

async function waitFor(what: string, test: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function serving(home: string): boolean {
  const dir = join(home, "hookd");

  return existsSync(join(dir, "req")) && existsSync(join(dir, "pool")) && readdirSync(join(dir, "pool")).length === HOOKD_POOL_SIZE;
}

function lockPid(home: string): number | undefined {
  try {
    return Number(readFileSync(join(home, "hookd", "lock"), "utf8"));
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch {
    return false;
  }
}

/** Starts `egress-sync hookd` for `home` and waits until its pool is ready */
async function startDaemon(bin: string, home: string, extra: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, "hookd"], { env: daemonEnv(home, extra), stdio: "ignore" });
  children.push(child);
  await waitFor("the daemon to serve", () => serving(home));

  return child;
}

/** Every event in the spool: the live file and the outbox (a detached flush may have moved some there) */
function spooledEvents(home: string): unknown[] {
  const dir = join(home, "spool");
  const outbox = existsSync(join(dir, "outbox")) ? readdirSync(join(dir, "outbox")).filter((f) => f.endsWith(".jsonl")).map((f) => join(dir, "outbox", f)) : [];
  const files = [...(existsSync(join(dir, "events.jsonl")) ? [join(dir, "events.jsonl")] : []), ...outbox];

  return files.flatMap((file) => readFileSync(file, "utf8").split("\n").filter((line) => line.trim() !== "")).map((line) => JSON.parse(line) as unknown);
}

/** One hook call through `bin`, as an agent makes it */
function hook(opts: { bin: string; agent: string; home: string; input: unknown; env?: Record<string, string> }): Promise<TRunResult & { ms: number }> {
  const started = Date.now();

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [opts.bin, "hook", opts.agent], { env: daemonEnv(opts.home, opts.env), stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started }));
    child.stdin.end(typeof opts.input === "string" ? opts.input : JSON.stringify(opts.input));
  });
}

/**
 * One call sent the way the dispatcher sends it, by hand: claims pair `slot` (or reuses `claimed`),
 * optionally marks it `done` first, writes the inline request; `reply()` reads what came back so far
 */
function rawCall(opts: { home: string; bin: string; slot: number; input: unknown; markDone?: boolean; claimed?: string }): { dir: string; reply: () => string } {
  const hookd = join(opts.home, "hookd");
  const id = `${process.pid}.${opts.slot}`;
  const dir = join(hookd, "claimed", id);
  if (!opts.claimed) renameSync(join(hookd, "pool", String(opts.slot)), dir);
  if (opts.markDone) writeFileSync(join(dir, "done"), "", { mode: 0o600 });
  const out = openSync(join(dir, "out"), constants.O_RDWR | constants.O_NONBLOCK);
  const buildId = /var BUILD_ID = "([0-9a-f]{16})";/.exec(readFileSync(opts.bin, "utf8"))?.[1];
  const body = JSON.stringify({ v: buildId, cmd: "hook", agent: "claude-code", input: JSON.stringify(opts.input), env: { HOME: opts.home, PATH: process.env.PATH } });
  const req = openSync(join(hookd, "req"), constants.O_WRONLY | constants.O_NONBLOCK);
  writeSync(req, `${id} ${Buffer.byteLength(body)} +\n${body}`);
  closeSync(req);
  let got = "";

  return {
    dir,
    reply: () => {
      const buffer = Buffer.alloc(65536);
      try {
        got += buffer.toString("utf8", 0, readSync(out, buffer));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      }

      return got;
    },
  };
}

describe("hook daemon", () => {
  it.each(AGENT_NAMES)("%s: a running daemon answers with the same decisions as the in-process hook", async (agent) => {
    const home = tempHome();
    await enrolled(home);
    const dist = distCopy();
    await startDaemon(dist.bin, home);
    dist.breakBundle();
    expectAllow(agent, await hook({ bin: dist.bin, agent, home, input: shellInput(agent, ALLOWED) }));
    expect(expectDeny(agent, await hook({ bin: dist.bin, agent, home, input: shellInput(agent, CURL) }))).toMatch(/`evil\.example\.net` is not on the allow-list; to ask for access run: egress-sync request evil\.example\.net/);
  });

  describe("the fault matrix through the daemon: every failure denies with its own reason", () => {
    for (const fault of FAULTS) {
      it(fault.name, async () => {
        const home = tempHome();
        await fault.setup(home);
        const dist = distCopy();
        await startDaemon(dist.bin, home);
        // A call the dispatcher decides in-process by design (its input was not read whole) needs the bundle
        if (!fault.inProcess) dist.breakBundle();
        for (const agent of AGENT_NAMES) {
          const input = fault.input ? fault.input(agent) : shellInput(agent, CURL);
          const reason = expectDeny(agent, await hook({ bin: dist.bin, agent, home, input }));
          expect(reason).toMatch(/^egress-control: /);
          expect(reason).toMatch(fault.reason);
        }
      });
    }
  });

  it("the first call decides in-process and starts the daemon; the next calls are its", async () => {
    const home = tempHome();
    await enrolled(home);
    const dist = distCopy();
    expect(expectDeny("claude-code", await hook({ bin: dist.bin, agent: "claude-code", home, input: shellInput("claude-code", CURL) }))).toMatch(/not on the allow-list/);
    await waitFor("the started daemon to serve", () => serving(home));
    const pid = lockPid(home);
    expect(pid).toBeGreaterThan(0);
    dist.breakBundle();
    expectAllow("cursor", await hook({ bin: dist.bin, agent: "cursor", home, input: shellInput("cursor", ALLOWED) }));
    process.kill(pid as number, "SIGTERM");
    await waitFor("the daemon to leave", () => !alive(pid as number) && !existsSync(join(home, "hookd", "req")));
  });

  it("a daemon of another build is never used: it is told so, leaves, and a new one takes over", async () => {
    const home = tempHome();
    await enrolled(home);
    const old = distCopy();
    const daemon = await startDaemon(old.bin, home);
    // The same bundle under another build id: what an upgrade of egress-sync looks like to a running daemon
    const upgraded = distCopy();
    writeFileSync(upgraded.bin, readFileSync(upgraded.bin, "utf8").replace(/var BUILD_ID = "[0-9a-f]{16}";/, 'var BUILD_ID = "0123456789abcdef";'));
    expect(readFileSync(upgraded.bin, "utf8")).toContain('"0123456789abcdef"');
    expect(expectDeny("codex", await hook({ bin: upgraded.bin, agent: "codex", home, input: shellInput("codex", CURL) }))).toMatch(/not on the allow-list/);
    await waitFor("the old daemon to leave", () => daemon.exitCode !== null);
    // Calls until the upgraded daemon runs (a start is skipped while the old one still held the lock)
    for (let i = 0; i < 50 && !(serving(home) && lockPid(home) !== daemon.pid); i += 1) {
      expectAllow("codex", await hook({ bin: upgraded.bin, agent: "codex", home, input: shellInput("codex", ALLOWED) }));
      await new Promise((r) => setTimeout(r, 100));
    }
    const pid = lockPid(home) as number;
    expect(pid).not.toBe(daemon.pid);
    upgraded.breakBundle();
    expectAllow("codex", await hook({ bin: upgraded.bin, agent: "codex", home, input: shellInput("codex", ALLOWED) }));
    process.kill(pid, "SIGTERM");
    await waitFor("the new daemon to leave", () => !alive(pid));
  });

  it("a daemon that stops answering: the call is still decided, within a second of waiting, and the daemon is retired", async () => {
    const home = tempHome();
    await enrolled(home);
    const dist = distCopy();
    const daemon = await startDaemon(dist.bin, home);
    daemon.kill("SIGSTOP");
    const result = await hook({ bin: dist.bin, agent: "gemini-cli", home, input: shellInput("gemini-cli", CURL) });
    expect(expectDeny("gemini-cli", result)).toMatch(/not on the allow-list/);
    expect(result.ms).toBeLessThan(STDIN_TIMEOUT_MS);
    expect(existsSync(join(home, "hookd", "req"))).toBe(false);
    daemon.kill("SIGCONT");
    await waitFor("the retired daemon to leave", () => daemon.exitCode !== null);
  });

  it.each(["an allow addressed to another call", "not JSON", "an allow with a short frame"])("an answer that is %s is never trusted: decided in-process, the daemon retired", async (answer) => {
    const home = tempHome();
    await enrolled(home);
    const fake = spawn(process.execPath, ["-e", FAKE_DAEMON, answer], { env: cliEnv(home), stdio: ["ignore", "ignore", "inherit"] });
    children.push(fake);
    await waitFor("the stand-in daemon", () => serving(home));
    expect(expectDeny("claude-code", await hook({ bin: BIN, agent: "claude-code", home, input: shellInput("claude-code", CURL) }))).toMatch(/not on the allow-list/);
    expect(readFileSync(join(home, "fake-answered"), "utf8").trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(home, "hookd", "req"))).toBe(false);
  });

  it("a running daemon sees a new snapshot and a tampered one on the very next call", async () => {
    const home = tempHome();
    await enrolled(home);
    const dist = distCopy();
    await startDaemon(dist.bin, home);
    dist.breakBundle();
    expectDeny("copilot", await hook({ bin: dist.bin, agent: "copilot", home, input: shellInput("copilot", CURL) }));
    const next = makeSnapshot({ keys, version: 6, policy: { version: 1, mode: "enforce", logLevel: 1, hosts: { allow: ["api.example.com", "evil.example.net"] } } });
    writeEnrolledState({ home, keys, envelope: next.envelope, lastSeen: { version: 6, digest: await payloadDigest(next.envelope) } });
    expectAllow("copilot", await hook({ bin: dist.bin, agent: "copilot", home, input: shellInput("copilot", CURL) }));
    writeFileSync(join(home, "snapshot.json"), JSON.stringify(flipSignature(next.envelope)));
    expect(expectDeny("copilot", await hook({ bin: dist.bin, agent: "copilot", home, input: shellInput("copilot", ALLOWED) }))).toMatch(/has a bad signature .*: it was modified on disk/);
  });

  it("a body larger than one pipe write goes through the call's own pipe, whole", async () => {
    const home = tempHome();
    await enrolled(home);
    const dist = distCopy();
    await startDaemon(dist.bin, home);
    dist.breakBundle();
    const pad = "x".repeat(100_000);
    expectAllow("claude-code", await hook({ bin: dist.bin, agent: "claude-code", home, input: shellInput("claude-code", `${ALLOWED} -d '${pad}'`) }));
    // The destination comes after the padding: read only in part, the call would look allowed
    expect(expectDeny("claude-code", await hook({ bin: dist.bin, agent: "claude-code", home, input: shellInput("claude-code", `${ALLOWED} -d '${pad}' && curl https://evil.example.net`) }))).toMatch(/evil\.example\.net/);
  });

  it("concurrent calls all get their own answer; the calls the pool cannot take are decided in-process", async () => {
    const home = tempHome();
    await enrolled(home);
    const dist = distCopy();
    await startDaemon(dist.bin, home);
    const calls = Array.from({ length: 24 }, (_, i) => ({ i, deny: i % 2 === 0, agent: AGENT_NAMES[i % AGENT_NAMES.length] as TAgentName }));
    const results = await Promise.all(calls.map((c) => hook({ bin: dist.bin, agent: c.agent, home, input: shellInput(c.agent, c.deny ? `curl https://evil-${c.i}.example.net` : ALLOWED) })));
    for (const c of calls) {
      const result = results[c.i] as TRunResult;
      if (c.deny) expect(expectDeny(c.agent, result)).toMatch(new RegExp(`evil-${c.i}\\.example\\.net`));
      else expectAllow(c.agent, result);
    }
    // Every block is in the spool once, whichever process decided it
    const spooled = spooledEvents(home) as { id: string; destination?: string }[];
    expect(new Set(spooled.map((e) => e.id)).size).toBe(spooled.length);
    expect(spooled.map((e) => e.destination).sort()).toEqual(calls.flatMap((c, i) => (c.deny ? [`evil-${i}.example.net`] : [])).sort());
    // On a loaded machine a call may have waited past its deadline and retired the daemon; else the
    // pairs of the calls it answered are all back
    if (existsSync(join(home, "hookd", "req"))) await waitFor("the pool to fill again", () => serving(home));
  });

  it("a call whose client gave up waiting is recorded by the client alone: the daemon neither spools nor answers it", async () => {
    const home = tempHome();
    await enrolled(home);
    const dist = distCopy();
    await startDaemon(dist.bin, home);
    dist.breakBundle();
    // A client at its deadline: it has marked its pair `done` before the daemon got to the call
    const late = rawCall({ home, bin: dist.bin, slot: 0, input: shellInput("claude-code", "curl https://late.example.net"), markDone: true });
    // The next call is decided by the daemon (the bundle is broken), after the one before it
    expect(expectDeny("codex", await hook({ bin: dist.bin, agent: "codex", home, input: shellInput("codex", "curl https://next.example.net") }))).toMatch(/next\.example\.net/);
    await new Promise((r) => setTimeout(r, 300));
    expect(late.reply()).toBe("");
    expect((spooledEvents(home) as { destination?: string }[]).map((e) => e.destination)).toEqual(["next.example.net"]);
    // The same pair without the mark: answered, committed, recorded once
    rmSync(join(late.dir, "done"));
    const again = rawCall({ home, bin: dist.bin, slot: 0, input: shellInput("claude-code", "curl https://late.example.net"), claimed: late.dir });
    await waitFor("the daemon's answer", () => again.reply() !== "");
    expect(again.reply()).toMatch(/^\d+\n\{.*"committed":true/);
    expect(existsSync(join(late.dir, "done"))).toBe(true);
    expect((spooledEvents(home) as { destination?: string }[]).map((e) => e.destination).sort()).toEqual(["late.example.net", "next.example.net"]);
  });

  it("a late answer from a daemon that committed to the call is waited for and used: the call is recorded once, the pair returned", async () => {
    const home = tempHome();
    await enrolled(home);
    const fake = spawn(process.execPath, ["-e", FAKE_DAEMON, "a late committed deny"], { env: cliEnv(home), stdio: ["ignore", "ignore", "inherit"] });
    children.push(fake);
    await waitFor("the stand-in daemon", () => serving(home));
    const result = await hook({ bin: BIN, agent: "claude-code", home, input: shellInput("claude-code", CURL) });
    expect(expectDeny("claude-code", result)).toBe("the stand-in daemon's late answer");
    expect(result.ms).toBeGreaterThanOrEqual(1_500);
    // Decided in-process, the call would be in the spool: the daemon recorded it, so nobody else did
    expect(spooledEvents(home)).toEqual([]);
    expect(existsSync(join(home, "hookd", "req"))).toBe(true);
    await waitFor("the pair back in the pool, without its mark", () => serving(home));
    for (const slot of readdirSync(join(home, "hookd", "pool"))) expect(readdirSync(join(home, "hookd", "pool", slot)).sort()).toEqual(["in", "out"]);
  });

  it("an event decided by the daemon carries the calling process's user, not the daemon's", async () => {
    const home = tempHome();
    await enrolled(home);
    const dist = distCopy();
    await startDaemon(dist.bin, home, { USER: "daemon-user" });
    dist.breakBundle();
    expectDeny("cursor", await hook({ bin: dist.bin, agent: "cursor", home, input: shellInput("cursor", CURL), env: { USER: "dev-alice" } }));
    const spool = JSON.stringify(spooledEvents(home));
    expect(spool).toContain('"dev-alice"');
    expect(spool).not.toContain("daemon-user");
  });

  it("an idle daemon leaves and removes its pipes", async () => {
    const home = tempHome();
    await enrolled(home);
    const daemon = await startDaemon(distCopy().bin, home, { EGRESS_SYNC_HOOKD_IDLE_MS: "300" });
    await waitFor("the idle daemon to leave", () => daemon.exitCode !== null);
    expect(existsSync(join(home, "hookd", "req"))).toBe(false);
    expect(existsSync(join(home, "hookd", "lock"))).toBe(false);
  });

  it("with EGRESS_SYNC_HOOKD=0 no daemon is started or used", async () => {
    const home = tempHome();
    await enrolled(home);
    const dist = distCopy();
    expectAllow("codex", await hook({ bin: dist.bin, agent: "codex", home, input: shellInput("codex", ALLOWED), env: { EGRESS_SYNC_HOOKD: "0" } }));
    await new Promise((r) => setTimeout(r, 500));
    expect(existsSync(join(home, "hookd"))).toBe(false);
  });

  it("check: the daemon answers for a policy file validated before, in the caller's directory, and never from an edited file's old policy", async () => {
    const home = tempHome();
    const project = mkdtempSync(join(tmpdir(), "egress-project-"));
    const policyFile = join(project, "policy.json");
    writeFileSync(policyFile, JSON.stringify({ version: 1, mode: "enforce", hosts: { allow: ["api.example.com"] } }));
    const dist = distCopy();
    const check = (bin: string, input: unknown): TRunResult => {
      const run = spawnSync(process.execPath, [bin, "check", "--agent", "gemini-cli", "--policy", "./policy.json"], { cwd: project, env: daemonEnv(home), input: JSON.stringify(input), encoding: "utf8" });

      return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
    };
    // First check of the file: validated by the full CLI (which caches it); the daemon is started
    // by a fast-path check, so the second one takes the fast path in-process and starts it
    expect(expectDeny("gemini-cli", check(dist.bin, shellInput("gemini-cli", CURL)))).toMatch(/not on the allow-list/);
    expectAllow("gemini-cli", check(dist.bin, shellInput("gemini-cli", ALLOWED)));
    await waitFor("the daemon started by check", () => serving(home));
    const pid = lockPid(home) as number;
    try {
      // Both bundles broken: only the daemon can answer now
      const broken = distCopy();
      writeFileSync(join(dirname(broken.bin), "cli.cjs"), "this is not javascript (");
      broken.breakBundle();
      expect(expectDeny("gemini-cli", check(broken.bin, shellInput("gemini-cli", CURL)))).toMatch(/`evil\.example\.net` is not on the allow-list/);
      // The file is edited: the daemon must not answer from the old policy; the full CLI validates the new one
      writeFileSync(policyFile, JSON.stringify({ version: 1, mode: "enforce", hosts: { allow: ["api.example.com", "evil.example.net"] } }));
      expectAllow("gemini-cli", check(dist.bin, shellInput("gemini-cli", CURL)));
      expectAllow("gemini-cli", check(broken.bin, shellInput("gemini-cli", CURL)));
    } finally {
      process.kill(pid, "SIGTERM");
    }
    await waitFor("the daemon to leave", () => !alive(pid));
  });

  it("doctor says whether the hook daemon runs", async () => {
    const home = tempHome();
    await enrolled(home);
    const doctor = (extra: Record<string, string> = {}): string => {
      const run = spawnSync(process.execPath, [BIN, "doctor", "--json", "--no-sample"], { env: daemonEnv(home, extra), encoding: "utf8" });
      const report = JSON.parse(run.stdout) as { checks: { id: string; status: string; message: string }[] };
      const check = report.checks.find((c) => c.id === "hook-daemon");
      expect(check?.status).toBe("ok");

      return check?.message ?? "";
    };
    expect(doctor()).toMatch(/hook daemon: not running; the next hook call with a valid snapshot starts it/);
    const daemon = await startDaemon(BIN, home);
    expect(doctor()).toBe(`hook daemon: running (pid ${daemon.pid}); hook calls are answered from memory`);
    expect(doctor({ EGRESS_SYNC_HOOKD: "0" })).toMatch(/hook daemon: off \(EGRESS_SYNC_HOOKD=0\)/);
  });

  it("the dispatcher's limits are the hook's", () => {
    const source = readFileSync(BIN, "utf8");
    expect(Number(/var MAX_INPUT_BYTES = (\d+);/.exec(source)?.[1])).toBe(MAX_HOOK_INPUT_BYTES);
    expect(Number(/var STDIN_TIMEOUT_MS = (\d+);/.exec(source)?.[1])).toBe(STDIN_TIMEOUT_MS);
    expect(Number(/var POOL_SIZE = (\d+);/.exec(source)?.[1])).toBe(HOOKD_POOL_SIZE);
  });
});

// The stand-in daemon: the real layout and framing, wrong answers (see the test above)
const FAKE_DAEMON = `
const fs = require("fs"), net = require("net"), { execFileSync } = require("child_process");
const dir = process.env.EGRESS_SYNC_HOME + "/hookd";
fs.mkdirSync(dir + "/pool", { recursive: true, mode: 0o700 });
fs.mkdirSync(dir + "/claimed", { mode: 0o700 });
const fifos = [dir + "/req"];
for (let slot = 0; slot < ${HOOKD_POOL_SIZE}; slot += 1) { fs.mkdirSync(dir + "/pool/" + slot, { mode: 0o700 }); fifos.push(dir + "/pool/" + slot + "/in", dir + "/pool/" + slot + "/out"); }
execFileSync("/usr/bin/mkfifo", ["-m", "600", ...fifos]);
let pending = "";
const control = new net.Socket({ fd: fs.openSync(dir + "/req", fs.constants.O_RDWR | fs.constants.O_NONBLOCK), readable: true, writable: false });
control.setEncoding("latin1");
control.on("data", (chunk) => {
  pending += chunk;
  let end;
  while ((end = pending.indexOf("\\n")) >= 0) {
    const [id, size, inline] = pending.slice(0, end).split(" ");
    pending = pending.slice(end + 1 + (inline === "+" ? Number(size) : 0));
    const mode = process.argv[1];
    if (mode === "a late committed deny") {
      fs.writeFileSync(dir + "/claimed/" + id + "/done", "", { flag: "wx", mode: 0o600 });
      const deny = { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: "the stand-in daemon's late answer" } };
      const late = JSON.stringify({ id, stdout: JSON.stringify(deny) + "\\n", stderr: "", exitCode: 0, committed: true });
      setTimeout(() => {
        const fd = fs.openSync(dir + "/claimed/" + id + "/out", fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
        fs.writeSync(fd, Buffer.byteLength(late) + "\\n" + late);
        fs.closeSync(fd);
      }, 1500);
      continue;
    }
    const text = mode === "not JSON" ? "not json" : JSON.stringify({ id: mode === "an allow addressed to another call" ? "1.1" : id, stdout: "{}\\n", stderr: "", exitCode: 0 });
    const fd = fs.openSync(dir + "/claimed/" + id + "/out", fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    fs.writeSync(fd, (Buffer.byteLength(text) + (mode === "an allow with a short frame" ? 5 : 0)) + "\\n" + text);
    fs.closeSync(fd);
    fs.appendFileSync(process.env.EGRESS_SYNC_HOME + "/fake-answered", id + "\\n");
  }
});
`;
