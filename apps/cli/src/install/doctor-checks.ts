import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { hookDaemonEnabled } from "../env";
import { hookDaemonRunning, hookDaemonSupported } from "../hook/daemon";
import { describeSpool } from "../spool/spool";
import { statePaths } from "../state/paths";
import { loadConfig, loadCredential } from "../state/store";
import { loadVerifiedSnapshot } from "../state/verified";
import { AGENT_IDS } from "./agents";
import type { TAgentId, TLocateContext } from "./agents";
import { detectInstalledAgents } from "./detect";
import type { TInstalledAgent } from "./detect";
import { isRecord } from "./ownership";

export type TCheck = { id: string; status: "ok" | "warn" | "fail"; message: string; fix?: string };

/** A snapshot expiring sooner than this is reported */
export const EXPIRES_SOON_MS = 24 * 60 * 60 * 1000;
const ENROLL_FIX = "egress-sync enroll --server <console-url> --token <enrollment-token>";

function enrollmentChecks(stateDir: string): TCheck[] {
  const paths = statePaths(stateDir);
  const config = loadConfig(paths);
  const credential = loadCredential(paths);
  if (config.kind === "ok" && credential.kind === "ok") {
    return [{ id: "enrollment", status: "ok", message: `enrolled with \`${config.value.server}\` as device \`${config.value.deviceId}\` (org \`${config.value.org.slug}\`)` }];
  }
  const what = config.kind !== "ok" ? `\`${paths.config}\` is ${config.kind === "missing" ? "missing" : `unreadable (${config.message})`}` : `the credential \`${paths.credential}\` is ${credential.kind === "missing" ? "missing" : "unreadable"}`;

  return [{ id: "enrollment", status: "fail", message: `this device is not enrolled: ${what}`, fix: ENROLL_FIX }];
}

function snapshotChecks(opts: { stateDir: string; now: Date }): TCheck[] {
  const cache = loadVerifiedSnapshot({ paths: statePaths(opts.stateDir), now: opts.now });
  if (!cache.ok) {
    if (cache.code === "not_enrolled") return [];

    return [{ id: "snapshot", status: "fail", message: cache.message, fix: cache.code === "state_corrupt" && !cache.config ? ENROLL_FIX : "egress-sync pull" }];
  }
  const left = Date.parse(cache.snapshot.expiresAt) - opts.now.getTime();
  const about = `policy snapshot v${cache.snapshot.version} verified, expires \`${cache.snapshot.expiresAt}\``;
  if (left < EXPIRES_SOON_MS) return [{ id: "snapshot", status: "warn", message: `${about}: expires in less than 24 hours`, fix: "egress-sync pull" }];

  return [{ id: "snapshot", status: "ok", message: about }];
}

const SAMPLE_INPUT: Record<TAgentId, unknown> = {
  "claude-code": { session_id: "doctor", hook_event_name: "PreToolUse", cwd: "/", tool_name: "Read", tool_input: { file_path: "/dev/null" }, tool_use_id: "doctor" },
  codex: { session_id: "doctor", hook_event_name: "PreToolUse", cwd: "/", tool_name: "apply_patch", tool_input: { command: "" }, tool_use_id: "doctor" },
  "gemini-cli": { session_id: "doctor", hook_event_name: "BeforeTool", cwd: "/", tool_name: "read_file", tool_input: { absolute_path: "/dev/null" } },
  cursor: { hook_event_name: "preToolUse", conversation_id: "doctor", generation_id: "doctor", workspace_roots: ["/"], tool_name: "Read", tool_input: { file_path: "/dev/null" } },
  copilot: { sessionId: "doctor", timestamp: 0, cwd: "/", toolName: "view", toolArgs: { path: "/dev/null" } },
};

/** Whether `stdout` is a decision in the agent's own protocol (allow or deny both count) */
export function isProtocolAnswer(opts: { agent: TAgentId; stdout: string }): boolean {
  let value: unknown;
  try {
    value = JSON.parse(opts.stdout.trim());
  } catch {
    return false;
  }
  if (!isRecord(value)) return false;
  // `{}` (exit 0) is "no objection" for every agent except Cursor, whose fail-closed mode needs an explicit answer
  if (Object.keys(value).length === 0) return opts.agent !== "cursor";
  const decisions = ["allow", "deny"];
  if (opts.agent === "claude-code" || opts.agent === "codex") {
    const out = value.hookSpecificOutput;

    return isRecord(out) && out.hookEventName === "PreToolUse" && decisions.includes(String(out.permissionDecision));
  }
  if (opts.agent === "gemini-cli") return ["allow", "deny", "block"].includes(String(value.decision));
  if (opts.agent === "cursor") return decisions.includes(String(value.permission));

  return decisions.includes(String(value.permissionDecision));
}

/** Runs the hook exactly as the agent's config says, with a harmless sample call */
export function runSampleDecision(opts: { installed: TInstalledAgent; timeoutMs?: number }): TCheck {
  const { agent, scope } = opts.installed;
  const raw = opts.installed.hookCommand?.raw as Record<string, unknown> | undefined;
  const id = `sample:${agent}:${scope}`;
  const fix = `egress-sync install ${agent} --scope ${scope}`;
  const input = JSON.stringify(SAMPLE_INPUT[agent]);
  const command = typeof raw?.command === "string" ? raw.command : typeof raw?.bash === "string" ? raw.bash : "";
  const args = Array.isArray(raw?.args) ? raw.args.filter((a): a is string => typeof a === "string") : null;
  const run = args ? spawnSync(command, args, { input, encoding: "utf8", timeout: opts.timeoutMs ?? 15_000 }) : spawnSync("/bin/sh", ["-c", command], { input, encoding: "utf8", timeout: opts.timeoutMs ?? 15_000 });
  if (run.error || run.status !== 0 || !isProtocolAnswer({ agent, stdout: run.stdout })) {
    const why = run.error ? run.error.message : `exit ${run.status ?? "signal"}, output \`${run.stdout.trim().slice(0, 200)}\``;

    return { id, status: "fail", message: `${agent} (${scope}): the hook did not answer a sample call in ${agent}'s protocol (${why})`, fix };
  }

  return { id, status: "ok", message: `${agent} (${scope}): the hook answered a sample call in ${agent}'s protocol` };
}

function hookChecks(opts: { ctx: TLocateContext; sample: boolean }): TCheck[] {
  const installed = detectInstalledAgents({ ctx: opts.ctx });
  if (installed.length === 0) {
    return [{ id: "hooks", status: "fail", message: `no agent hook is installed (supported: ${AGENT_IDS.join(", ")})`, fix: "egress-sync install claude-code" }];
  }
  const checks: TCheck[] = [];
  for (const entry of installed) {
    const fix = `egress-sync install ${entry.agent} --scope ${entry.scope}`;
    const where = `${entry.agent} (${entry.scope}) \`${entry.file}\``;
    if (entry.problem) {
      checks.push({ id: `hook:${entry.agent}:${entry.scope}`, status: "fail", message: `${where}: ${entry.problem}` });
      continue;
    }
    const missingPath = entry.hookCommand?.paths.find((path) => !existsSync(path));
    if (missingPath) checks.push({ id: `hook:${entry.agent}:${entry.scope}`, status: "fail", message: `${where}: the hook runs \`${missingPath}\`, which no longer exists`, fix });
    else if (entry.missingEvents.length > 0) checks.push({ id: `hook:${entry.agent}:${entry.scope}`, status: "fail", message: `${where}: hook missing on ${entry.missingEvents.join(", ")}`, fix });
    else checks.push({ id: `hook:${entry.agent}:${entry.scope}`, status: "ok", message: `${where}: hook installed` });
    if (entry.failClosed === false) checks.push({ id: `fail-closed:${entry.agent}:${entry.scope}`, status: "fail", message: `${where}: the fail-closed setting is off, a crashed hook would let tools run`, fix });
    if (entry.failClosed === null) checks.push({ id: `fail-closed:${entry.agent}:${entry.scope}`, status: "warn", message: `${where}: ${entry.agent} has no fail-closed setting; a crashed or timed-out hook lets the tool run` });
    if (opts.sample && !missingPath) checks.push(runSampleDecision({ installed: entry }));
  }

  return checks;
}

function spoolChecks(stateDir: string): TCheck[] {
  const spool = describeSpool({ stateDir });
  let rejected = 0;
  try {
    rejected = readFileSync(join(stateDir, "rejected.jsonl"), "utf8").split("\n").filter(Boolean).length;
  } catch {
    // None
  }
  const checks: TCheck[] = [];
  if (spool.outboxFiles > 0 || spool.liveBytes > 0) checks.push({ id: "spool", status: "warn", message: "decision events are waiting for upload", fix: "egress-sync flush" });
  if (spool.dropped > 0) checks.push({ id: "spool-dropped", status: "warn", message: `\`${spool.dropped}\` events were dropped because the spool was full`, fix: "egress-sync flush" });
  if (rejected > 0) checks.push({ id: "spool-rejected", status: "warn", message: `\`${rejected}\` events were rejected by the console and kept in \`${join(stateDir, "rejected.jsonl")}\`` });

  return checks;
}

/** Every doctor check, in order: enrollment, snapshot, hooks (with a sample decision each), spool */
export function runDoctorChecks(opts: { stateDir: string; ctx: TLocateContext; now: Date; sample?: boolean }): TCheck[] {
  return [...enrollmentChecks(opts.stateDir), ...snapshotChecks(opts), ...hookChecks({ ctx: opts.ctx, sample: opts.sample ?? true }), hookDaemonCheck(opts.stateDir), ...spoolChecks(opts.stateDir)];
}

/** The hook daemon only saves start-up time: every state of it is fine, the line says which */
export function hookDaemonCheck(stateDir: string, env: NodeJS.ProcessEnv = process.env): TCheck {
  const id = "hook-daemon";
  if (!hookDaemonSupported()) return { id, status: "ok", message: "hook daemon: not available on this system; every hook call starts the engine itself" };
  if (!hookDaemonEnabled(env)) return { id, status: "ok", message: "hook daemon: off (EGRESS_SYNC_HOOKD=0); every hook call starts the engine itself" };
  const pid = hookDaemonRunning(stateDir);
  if (pid !== undefined) return { id, status: "ok", message: `hook daemon: running (pid ${pid}); hook calls are answered from memory` };

  return { id, status: "ok", message: "hook daemon: not running; the next hook call with a valid snapshot starts it (it leaves after 15 idle minutes)" };
}
