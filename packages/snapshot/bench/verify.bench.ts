// Verify + JSON load of a snapshot whose policy allow-lists 10,000 hosts. Target: ≤ 2 ms.
// Run: `npm run bench -w @egress/snapshot`
// Measures (1) warm re-verification as the hook does it (lastSeen = this digest), (2) first acceptance
// at pull with the full canonical checks, (3) the first verification in a fresh process (cold JIT),
// which is what a hook invocation pays, since every tool call starts a new process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createRootDocument, generateSigningKey, signSnapshot } from "../src/sign";
import type { TRootDocument, TSnapshotDocument } from "../src/types";
import { decodeEnvelope, verifySnapshot } from "../src/verify";

const HOSTS = 10_000;
const RUNS = 1_000;
const WARMUP = 200;
const COLD_PROCESSES = 15;
const NOW = new Date("2025-06-01T00:00:00.000Z");

function verifyOnce(text: string, root: TRootDocument, lastSeen?: { version: number; digest: string }): void {
  const result = verifySnapshot({ envelope: text, root, org: "bench-org", scope: "default", now: NOW, lastSeen });
  if (!result.ok) throw new Error(result.message);
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function quantiles(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN).toFixed(3);

  return `median ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms`;
}

function runChild(dir: string): void {
  // Fresh process: read from disk as the hook does, time the first verification only
  const text = readFileSync(join(dir, "snapshot.json"), "utf8");
  const { root, lastSeen } = JSON.parse(readFileSync(join(dir, "state.json"), "utf8")) as { root: TRootDocument; lastSeen: { version: number; digest: string } };
  const start = process.hrtime.bigint();
  verifyOnce(text, root, lastSeen);
  process.stdout.write(String(elapsedMs(start)));
}

function main(): void {
  const rootKey = generateSigningKey();
  const onlineKey = generateSigningKey();
  const { document: root } = createRootDocument({ org: "bench-org", version: 1, issuedAt: new Date("2025-01-01T00:00:00.000Z"), rootKeys: [rootKey], snapshotKeys: [onlineKey], signers: [rootKey] });

  // Host names of realistic length, like `api.github.com` or `registry.npmjs.org` (the mean is printed)
  const DOMAINS = ["github.com", "npmjs.org", "pythonhosted.org", "googleapis.com", "s3.amazonaws.com", "corp.example", "slack.com", "atlassian.net"];
  const allow = Array.from({ length: HOSTS }, (_, i) => `${["api", "cdn", "files", "auth"][i % 4] ?? "api"}${i}.${DOMAINS[i % DOMAINS.length] ?? "example.com"}`);
  const meanHostLength = allow.reduce((sum, host) => sum + host.length, 0) / allow.length;
  const document: TSnapshotDocument = {
    type: "egress-snapshot",
    specVersion: 1,
    org: "bench-org",
    scope: "default",
    version: 42,
    revision: "rev-bench",
    issuedAt: "2025-01-01T00:00:00.000Z",
    expiresAt: "2099-01-01T00:00:00.000Z",
    policy: { version: 1, mode: "enforce", hosts: { allow } },
  };
  // What the device reads from disk: the envelope as JSON text
  const text = JSON.stringify(signSnapshot({ document, key: onlineKey, root }));
  const decoded = decodeEnvelope(text);
  if (!decoded.ok) throw new Error(decoded.message);
  const payloadBytes = Buffer.byteLength(decoded.value.payload, "base64");
  const lastSeen = { version: 42, digest: decoded.digest };

  console.log(`snapshot: ${HOSTS} hosts (mean length ${meanHostLength.toFixed(1)}), payload ${(payloadBytes / 1024).toFixed(0)} KiB, envelope ${(text.length / 1024).toFixed(0)} KiB`);
  const warm = (label: string, seen: { version: number; digest: string }) => {
    for (let i = 0; i < WARMUP; i += 1) verifyOnce(text, root, seen);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const start = process.hrtime.bigint();
      verifyOnce(text, root, seen);
      times.push(elapsedMs(start));
    }
    console.log(`${label.padEnd(62)} ${quantiles(times)}`);
  };
  warm(`warm re-verify, hook path (${RUNS} runs)`, lastSeen);
  warm(`warm first acceptance, pull path with canonical checks (${RUNS} runs)`, { version: 41, digest: "00".repeat(32) });

  const dir = mkdtempSync(join(tmpdir(), "egress-snapshot-bench-"));
  try {
    writeFileSync(join(dir, "snapshot.json"), text);
    writeFileSync(join(dir, "state.json"), JSON.stringify({ root, lastSeen }));
    const cold: number[] = [];
    for (let i = 0; i < COLD_PROCESSES; i += 1) {
      const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, "--child", dir], { encoding: "utf8" });
      if (child.status !== 0) throw new Error(child.stderr);
      cold.push(Number(child.stdout));
    }
    console.log(`${`cold first verify in a fresh process, hook path (${COLD_PROCESSES} processes)`.padEnd(62)} ${quantiles(cold)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf("--child");
if (childAt >= 0) runChild(process.argv[childAt + 1] ?? "");
else main();
