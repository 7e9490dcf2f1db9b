import { createRootDocument, generateSigningKey, signSnapshot } from "@egress/snapshot/sign";
import type { TRootDocument, TSnapshotDocument } from "@egress/snapshot";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { launchConsole } from "../support/console";
import type { TConsole } from "../support/console";
import { adminApi, policyAllowing, signIn } from "./support/console-client";
import type { TAdminApi, TSession } from "./support/console-client";
import { bash, claudeDecision, clockAhead, newDevice, webFetch } from "./support/device";
import type { TDevice } from "./support/device";
import { jsonReply, startProxy } from "./support/proxy";
import type { TProxy, TSnapshotBody } from "./support/proxy";

// Issue "Signed policy snapshots", end to end: the built `egress-sync` as a subprocess against the
// built console (`next start`) on PGlite, or PostgreSQL with EGRESS_TEST_DB=pg. The main device is
// enrolled THROUGH a proxy that is transparent until a test makes it hostile.

const LATER_HOST = "api.later-allowed.example";

let consoleHandle: TConsole;
let demo: TAdminApi;
let other: TAdminApi;
let session: TSession;
let proxy: TProxy;
let device: TDevice;
let firstReply: TSnapshotBody;

/** What the console answers `target` right now (as an attacker on the path would record it) */
async function fetchSnapshot(target: TDevice): Promise<TSnapshotBody> {
  const pinned = JSON.parse(readFileSync(join(target.home, "root.json"), "utf8")) as { version: number };
  const response = await fetch(`${consoleHandle.url}/api/v1/snapshot`, { headers: { authorization: `Bearer ${target.credential()}`, "x-egress-root-version": String(pinned.version) } });
  expect(response.status).toBe(200);

  return (await response.json()) as TSnapshotBody;
}

function decodePayload(body: TSnapshotBody): TSnapshotDocument {
  return JSON.parse(Buffer.from(body.snapshot.payload, "base64").toString("utf8")) as TSnapshotDocument;
}

async function keys(): Promise<{ rootVersion: number; rootFingerprint: string }> {
  return session.query("keys.get");
}

async function status(target: TDevice = device): Promise<{ rootVersion: number; rootFingerprint: string; snapshot: { version: number; verified: boolean } }> {
  const result = await target.json(["status"]);
  expect(result.code).toBe(0);

  return result.json as never;
}

/** Runs a pull through the hostile proxy and asserts the refusal and an untouched cache */
async function expectRefused(opts: { code: string; exitCode: number; message: RegExp; env?: Record<string, string> }): Promise<void> {
  const before = device.cache();
  const result = await device.json(["pull"], opts.env ? { env: opts.env } : {});
  expect(result.json).toMatchObject({ ok: false, error: { code: opts.code, exitCode: opts.exitCode } });
  expect((result.json.error as { message: string }).message).toMatch(opts.message);
  expect((result.json.error as { message: string }).message).toContain("the cached policy is unchanged");
  expect(result.code).toBe(opts.exitCode);
  expect(device.cache()).toEqual(before);
}

beforeAll(async () => {
  const launched = await launchConsole({
    setup: async (c) => {
      const demoToken = await c.createApiToken("demo");
      await c.adminCommand(["create-org", "--slug", "other", "--name", "Other Org", "--owner-email", c.admin.email, "--json"]);
      const otherToken = await c.createApiToken("other");

      return { demoToken, otherToken };
    },
  });
  consoleHandle = launched.console;
  demo = adminApi(consoleHandle.url, launched.setup.demoToken);
  other = adminApi(consoleHandle.url, launched.setup.otherToken);
  session = await signIn(consoleHandle);
  proxy = await startProxy(consoleHandle.url);
  device = newDevice();
});

afterAll(async () => {
  await proxy?.close();
  await consoleHandle?.dispose();
});

describe("signed policy snapshots against the real console", () => {
  test("enroll pins the org's root: the fingerprint it prints is the one the console shows, and the first pull verifies", async () => {
    const v1 = await demo.publish(policyAllowing(["github.com"]));
    const shown = await keys();
    const token = await demo.enrollmentToken();

    const enrolled = await device.json(["enroll", "--server", proxy.url, "--token", token, "--name", "laptop-1"]);

    expect(enrolled.code).toBe(0);
    expect(enrolled.json).toMatchObject({ ok: true, rootVersion: shown.rootVersion, rootFingerprint: shown.rootFingerprint, pull: { ok: true, version: v1 } });
    expect((await status()).rootFingerprint).toBe(shown.rootFingerprint);
    // A second machine enrolling in text mode prints the same line the developer compares
    const second = newDevice();
    const text = await second.run(["enroll", "--server", consoleHandle.url, "--token", token, "--name", "laptop-2"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`root key fingerprint: ${shown.rootFingerprint}`);
    firstReply = await fetchSnapshot(device);
  });

  test("publish → pull changes the hook's decision, and the version grows", async () => {
    const denied = claudeDecision(await device.hook(webFetch(`https://${LATER_HOST}/v1/items`)));
    expect(denied.decision).toBe("deny");
    expect(denied.reason).toContain(`\`${LATER_HOST}\` is not on the allow-list`);
    expect(claudeDecision(await device.hook(bash(`curl -s https://${LATER_HOST}/v1/items`))).decision).toBe("deny");
    const before = (await status()).snapshot.version;

    const v2 = await demo.publish(policyAllowing(["github.com", LATER_HOST]));
    const pulled = await device.json(["pull"]);

    expect(pulled.code).toBe(0);
    expect(pulled.json).toMatchObject({ ok: true, changed: true, version: v2 });
    expect(v2).toBeGreaterThan(before);
    expect((await status()).snapshot).toMatchObject({ version: v2, verified: true });
    expect(claudeDecision(await device.hook(webFetch(`https://${LATER_HOST}/v1/items`))).decision).toBe("allow");
    expect(claudeDecision(await device.hook(bash(`curl -s https://${LATER_HOST}/v1/items`))).decision).toBe("allow");
    expect(claudeDecision(await device.hook(webFetch("https://paste.evil.example/x"))).decision).toBe("deny");

    const v3 = await demo.publish(policyAllowing([LATER_HOST]));
    expect((await device.json(["pull"])).json).toMatchObject({ ok: true, changed: true, version: v3 });
    expect(v3).toBeGreaterThan(v2);
    expect((await status()).snapshot.version).toBe(v3);
    expect(claudeDecision(await device.hook(webFetch("https://github.com/acme/repo"))).decision).toBe("deny");
  });

  test("an unchanged pull is a 304 from the console and leaves the cache as it was", async () => {
    const before = device.cache();
    const seen = proxy.log.length;

    const result = await device.json(["pull"]);

    expect(result.code).toBe(0);
    expect(result.json).toMatchObject({ ok: true, changed: false });
    expect(proxy.log.slice(seen)).toEqual([{ method: "GET", path: "/api/v1/snapshot", upstreamStatus: 304, servedStatus: 304 }]);
    expect(device.cache()).toEqual(before);
  });

  test("a signing-key rotation and a root rotation done in the console are accepted by pull without re-enrolling", async () => {
    const start = await status();
    const signing = await session.mutate<{ rootVersion: number; resigned: { scope: string; version: number }[] }>("keys.rotateSigning");
    expect(signing.rootVersion).toBe(start.rootVersion + 1);

    const afterSigning = await device.json(["pull"]);
    expect(afterSigning.code, JSON.stringify(afterSigning.json)).toBe(0);
    expect(afterSigning.json).toMatchObject({ ok: true, rootRotated: true, rootVersion: signing.rootVersion });
    expect((afterSigning.json.version as number) >= start.snapshot.version).toBe(true);
    expect((await status()).rootFingerprint).toBe((await keys()).rootFingerprint);

    const root = await session.mutate<{ rootVersion: number; rootFingerprint: string }>("keys.rotateRoot");
    expect(root.rootVersion).toBe(signing.rootVersion + 1);
    const afterRoot = await device.json(["pull"]);
    expect(afterRoot.code, JSON.stringify(afterRoot.json)).toBe(0);
    expect(afterRoot.json).toMatchObject({ ok: true, rootVersion: root.rootVersion });
    const now = await status();
    expect(now).toMatchObject({ rootVersion: root.rootVersion, rootFingerprint: root.rootFingerprint });
    expect(root.rootFingerprint).toBe((await keys()).rootFingerprint);
    expect(root.rootFingerprint).not.toBe(start.rootFingerprint);
    // The policy still decides after both rotations
    expect(claudeDecision(await device.hook(webFetch(`https://${LATER_HOST}/v1`))).decision).toBe("allow");
    expect(claudeDecision(await device.hook(webFetch("https://github.com/x"))).decision).toBe("deny");
  });

  test("a hostile proxy: replays, flipped bytes, another org's snapshot, an expired snapshot and a forged root rotation are each refused, the cache intact", async () => {
    // An older snapshot signed with the CURRENT key: publish twice, keep the first answer
    await demo.publish(policyAllowing([LATER_HOST, "old.example"]));
    const older = await fetchSnapshot(device);
    await demo.publish(policyAllowing([LATER_HOST]));
    expect((await device.json(["pull"])).code).toBe(0);
    const current = decodePayload(await fetchSnapshot(device));

    proxy.tamper = () => jsonReply(older);
    await expectRefused({ code: "rollback", exitCode: 17, message: new RegExp(`snapshot version \`${older.version}\` is lower than the last seen version \`${current.version}\``) });

    // The very first snapshot, signed by the key retired in the rotation
    proxy.tamper = () => jsonReply(firstReply);
    await expectRefused({ code: "unknown_key", exitCode: 12, message: /no snapshot key of root/ });

    // One byte of the signed payload changed (a host of the allow-list)
    proxy.tamper = (upstream) => {
      const body = JSON.parse(upstream.body.toString("utf8")) as TSnapshotBody;
      const payload = Buffer.from(body.snapshot.payload, "base64");
      const at = payload.indexOf(Buffer.from(LATER_HOST));
      expect(at).toBeGreaterThan(0);
      payload[at] = "b".charCodeAt(0);
      body.snapshot.payload = payload.toString("base64");

      return jsonReply(body);
    };
    await expectRefused({ code: "bad_signature", exitCode: 13, message: /signature/ });

    // Another org's genuine snapshot (its own device's answer), alone and with that org's roots
    await other.publish(policyAllowing(["evil-exfil.example", LATER_HOST]));
    const otherDevice = newDevice();
    expect((await otherDevice.json(["enroll", "--server", consoleHandle.url, "--token", await other.enrollmentToken()])).code).toBe(0);
    const otherReply = await fetchSnapshot(otherDevice);
    expect(decodePayload(otherReply).org).not.toBe(current.org);
    proxy.tamper = () => jsonReply({ ...otherReply, roots: [] });
    await expectRefused({ code: "unknown_key", exitCode: 12, message: /no snapshot key of root/ });
    const otherRoot = (JSON.parse(readFileSync(join(otherDevice.home, "root.json"), "utf8")) as { envelope: unknown }).envelope;
    proxy.tamper = () => jsonReply({ ...otherReply, roots: [otherRoot] });
    await expectRefused({ code: "broken_root_chain", exitCode: 14, message: /root/ });

    // A genuine snapshot newer than the cache, served after it expired (the device's clock moved past expiresAt)
    proxy.tamper = undefined;
    await demo.publish(policyAllowing([LATER_HOST, "fresh.example"]));
    const fresh = await fetchSnapshot(device);
    proxy.tamper = () => jsonReply(fresh);
    const pastExpiry = Date.parse(fresh.expiresAt) - Date.now() + 3600_000;
    await expectRefused({ code: "expired", exitCode: 18, message: new RegExp(`snapshot expired at \`${fresh.expiresAt}\``), env: clockAhead(pastExpiry) });
    // The same bytes at the right time are fine: only the expiry refused them
    expect((await device.json(["pull"])).json).toMatchObject({ ok: true, version: fresh.version });

    // A forged root rotation: root v(N+1) of the same org signed only by the attacker (the signing library refuses to chain it), certifying the attacker's snapshot key
    const pinned = JSON.parse(readFileSync(join(device.home, "root.json"), "utf8")) as { version: number; document: TRootDocument };
    const attackerRoot = generateSigningKey();
    const attackerSnapshotKey = generateSigningKey();
    const forged = createRootDocument({ org: pinned.document.org, version: pinned.version + 1, issuedAt: new Date(), rootKeys: [attackerRoot], snapshotKeys: [attackerSnapshotKey], signers: [attackerRoot] });
    proxy.tamper = (upstream) => {
      const body = JSON.parse(upstream.body.toString("utf8")) as TSnapshotBody;
      const document = { ...decodePayload(body), version: decodePayload(body).version + 1, policy: policyAllowing(["evil-exfil.example"]) } as TSnapshotDocument;

      return jsonReply({ ...body, snapshot: signSnapshot({ document, key: attackerSnapshotKey }), roots: [...body.roots, forged.envelope], version: document.version });
    };
    await expectRefused({ code: "broken_root_chain", exitCode: 14, message: /root/ });

    proxy.tamper = undefined;
    expect(claudeDecision(await device.hook(webFetch("https://evil-exfil.example/upload"))).decision).toBe("deny");
    expect(claudeDecision(await device.hook(webFetch("https://fresh.example/"))).decision).toBe("allow");
    expect(proxy.log.filter((entry) => entry.servedStatus === 200).length).toBeGreaterThan(0);
  });

  test("a revoked device is refused with its own message and exit code, and keeps its cached policy", async () => {
    const laptop = newDevice();
    const enrolled = await laptop.json(["enroll", "--server", consoleHandle.url, "--token", await demo.enrollmentToken()]);
    expect(enrolled.code).toBe(0);
    const before = laptop.cache();

    await session.mutate("devices.revoke", { deviceId: enrolled.json.deviceId, reason: "laptop stolen" });
    const refused = await laptop.json(["pull"]);

    expect(refused.code).toBe(6);
    expect(refused.json).toMatchObject({ ok: false, error: { code: "device_revoked", exitCode: 6 } });
    expect((refused.json.error as { message: string }).message).toMatch(/revoked/);
    const text = await laptop.run(["pull"]);
    expect(text.code).toBe(6);
    expect(text.stderr).toMatch(/revoked/);
    expect(laptop.cache()).toEqual(before);
    // Enforcement stays offline on the cached snapshot
    expect(claudeDecision(await laptop.hook(webFetch(`https://${LATER_HOST}/`))).decision).toBe("allow");
    expect(claudeDecision(await laptop.hook(webFetch("https://paste.evil.example/"))).decision).toBe("deny");
  });
});
