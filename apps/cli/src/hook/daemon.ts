import { closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import type { Stats } from "node:fs";
import type * as TChildProcess from "node:child_process";
import type * as TNet from "node:net";
import { isAbsolute, join, resolve } from "node:path";

import { childProcessEnv, hookDaemonEnabled, hookDaemonIdleMs, resolveStateDir } from "../env";
import { detachedFlushEnv } from "../upload/flush-env";
import { statePaths } from "../state/paths";
import { checkFromCacheOutput } from "../check/fast";
import type { THookOutput } from "./decide";
import { MAX_HOOK_INPUT_BYTES, maybeStartFlush, runHook } from "./run-hook";

// The hook daemon: one long-lived process per state directory that answers `egress-sync hook`
// calls with code that is already loaded and compiled. Starting Node.js and loading the engine
// costs more than deciding; the dispatcher (dist/egress-sync.cjs) hands each call to this process
// over named pipes in `<state>/hookd/` and falls back to deciding in-process whenever the daemon is
// absent, busy, stale, slow or says anything unexpected. It decides with the same function as the
// in-process hook (runHook): same verified policy (re-checked on every call), same spool and log.
//
//   hookd/lock            pid of the serving daemon (created exclusively)
//   hookd/req             FIFO of control lines `<id> <body bytes>\n`, each written at once and
//                         shorter than PIPE_BUF, so never mixed with another client's; on Linux a
//                         body that fits comes inline: `<id> <bytes> +\n<body>` in the same write
//   hookd/pool/<slot>/    spare pairs of FIFOs `in` (request body) and `out` (reply), slots 0 to
//                         HOOKD_POOL_SIZE-1 (the dispatcher probes them by name)
//   hookd/claimed/<id>/   a pair a client took by renaming it out of pool/ (one atomic rename); the
//                         client renames it back after a whole exchange (the pipes are empty
//                         then), else removes it; `<id>` is `<client pid>.<slot>`
//
// Body: {"v": build id, "cmd": "hook", "agent", "input", "env": {HOME, USER, …}} or, for `check`,
// {"cmd": "check", "argv", "cwd", …}. Reply on `out`: `<bytes>\n{"id","stdout","stderr","exitCode"}`,
// {"id","cannot": true} (a `check` the full CLI must run), or {"id","stale": true} for another build (the client then
// decides itself and starts a fresh daemon). Everything is 0600/0700 and checked to be this user's.
//
// Exactly once: a call that spools or logs an event is committed first by creating
// `claimed/<id>/done` exclusively; its reply then says {"committed": true} and the client removes
// `done` before it returns the pair. A client past its deadline creates `done` itself: if it can,
// the daemon records and answers nothing and the client decides in-process; if it cannot, the
// daemon has committed and the client waits a while longer for that answer.

/** Spare FIFO pairs kept ready: more concurrent calls than this decide in-process */
export const HOOKD_POOL_SIZE = 8;
/** Longest wait for a request body once its control line arrived */
const BODY_TIMEOUT_MS = 1_000;
/** Largest request body: the hook's input limit plus room for the JSON around it */
const MAX_BODY_BYTES = MAX_HOOK_INPUT_BYTES * 2 + 64 * 1024;
/** A daemon retires after this long whatever happens (picks up a new Node.js, returns memory) */
const MAX_LIFETIME_MS = 8 * 60 * 60 * 1000;
/** How often the daemon checks that it still owns the lock and the state directory exists */
const WATCHDOG_MS = 2_000;
/** Only the absolute paths: never a `mkfifo` found on an agent-controlled PATH */
const MKFIFO = ["/usr/bin/mkfifo", "/bin/mkfifo"];
/** Largest message written to the control FIFO at once (Linux's PIPE_BUF) */
const INLINE_MAX_BYTES = 4096;
const CLIENT_ID = /^[0-9]{1,10}\.[0-9]{1,4}$/;
const ENV_KEYS = ["HOME", "USER", "USERNAME", "LOGNAME", "PATH", "LANG", "XDG_CACHE_HOME"] as const;

/** The daemon's directory under a state directory */
export function hookDaemonDir(stateDir: string): string {
  return join(stateDir, "hookd");
}

/** A FIFO or directory this user owns and nobody else can open */
function ownedPrivate(stat: Stats): boolean {
  return stat.uid === process.getuid?.() && (stat.mode & 0o077) === 0;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockHolder(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(lock, "utf8").trim());

    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a daemon process holds the lock of `stateDir` (it may still be starting) */
export function hookDaemonRunning(stateDir: string): number | undefined {
  const pid = lockHolder(join(hookDaemonDir(stateDir), "lock"));

  return pid !== undefined && pidAlive(pid) ? pid : undefined;
}

/**
 * Makes clients stop using the daemon of `stateDir`: its request FIFO and lock are removed, so the
 * next hook call decides in-process and may start a new one; the old process sees its lock gone and
 * exits. Used when a daemon answered wrongly or too late
 */
export function retireHookDaemon(stateDir: string): void {
  const dir = hookDaemonDir(stateDir);
  rmSync(join(dir, "req"), { force: true });
  rmSync(join(dir, "lock"), { force: true });
}

function mkfifoBinary(): string | undefined {
  return MKFIFO.find((path) => existsSync(path));
}

/** Whether this system can run the daemon (named pipes and mkfifo; not Windows) */
export function hookDaemonSupported(): boolean {
  return process.platform !== "win32" && mkfifoBinary() !== undefined;
}

/** Pairs claimed by clients that died before returning or removing them */
function sweepClaimed(claimed: string): void {
  try {
    for (const name of readdirSync(claimed)) {
      const pid = Number(name.split(".")[0]);
      if (!(Number.isInteger(pid) && pid > 0 && pidAlive(pid))) rmSync(join(claimed, name), { recursive: true, force: true });
    }
  } catch {
    // best effort
  }
}

/** `hook <agent>`, or `check <argv>` run in the caller's working directory */
type TRequestBody = { v: string; input: string; env: Record<string, string> } & ({ cmd: "hook"; agent: string } | { cmd: "check"; argv: string[]; cwd: string });

function parseBody(text: string): TRequestBody | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  const body = value as Record<string, unknown>;
  if (typeof body.v !== "string" || typeof body.input !== "string") return undefined;
  const env: Record<string, string> = {};
  if (body.env !== null && typeof body.env === "object") {
    for (const key of ENV_KEYS) {
      const v = (body.env as Record<string, unknown>)[key];
      if (typeof v === "string") env[key] = v;
    }
  }
  if (body.cmd === "check") {
    const { argv, cwd } = body;
    if (!Array.isArray(argv) || !argv.every((a) => typeof a === "string") || typeof cwd !== "string" || !isAbsolute(cwd)) return undefined;

    return { v: body.v, cmd: "check", argv: argv, cwd, input: body.input, env };
  }
  if (typeof body.agent !== "string") return undefined;

  return { v: body.v, cmd: "hook", agent: body.agent, input: body.input, env };
}

/**
 * Runs the daemon for the state directory of this process's environment until it is idle, retired,
 * replaced or signalled. Started detached by the hook (hook/daemon-start.ts) as `egress-sync hookd`
 */
export function serveHookDaemon(opts: { buildId: string }): void {
  if (process.platform === "win32") return;
  const stateDir = resolveStateDir();
  const dir = hookDaemonDir(stateDir);
  const lock = join(dir, "lock");
  const mkfifo = mkfifoBinary();
  if (!mkfifo) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!lstatSync(dir).isDirectory() || !ownedPrivate(lstatSync(dir))) return;

  const acquire = (attempt: number): void => {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") return;
      const holder = lockHolder(lock);
      if (holder !== undefined && pidAlive(holder)) {
        // A daemon that was just told it is stale exits within moments: wait for it, else give way
        if (attempt < 40) setTimeout(() => acquire(attempt + 1), 50);

        return;
      }
      rmSync(lock, { force: true });
      if (attempt < 40) acquire(attempt + 1);

      return;
    }
    try {
      serve({ stateDir, dir, lock, mkfifo, buildId: opts.buildId });
    } catch {
      // Cannot serve (no FIFOs here, say): clients keep deciding in-process
      rmSync(join(dir, "req"), { force: true });
      rmSync(lock, { force: true });
      process.exit(0);
    }
  };
  acquire(0);
}

function serve(opts: { stateDir: string; dir: string; lock: string; mkfifo: string; buildId: string }): void {
  const { dir, lock, mkfifo } = opts;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const net = require("node:net") as typeof TNet;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFile, execFileSync } = require("node:child_process") as typeof TChildProcess;
  const req = join(dir, "req");
  const pool = join(dir, "pool");
  const claimed = join(dir, "claimed");
  const started = Date.now();
  let lastRequest = Date.now();
  let stopping = false;
  let refilling = false;

  // Whatever a previous daemon left is discarded; clients meanwhile get ENOENT and decide themselves
  for (const path of [req, pool, claimed, join(dir, "building")]) rmSync(path, { recursive: true, force: true });
  mkdirSync(pool, { mode: 0o700 });
  mkdirSync(claimed, { mode: 0o700 });

  // A slot is free when neither the pool nor a live client has it: a new pair is built under a
  // temporary name, then renamed into the pool, so clients never see a half-made pair
  const inUse = (): Set<string> => {
    const slots = new Set<string>();
    for (const name of [...readdirSync(pool), ...readdirSync(claimed).map((n) => n.slice(n.indexOf(".") + 1))]) slots.add(name);

    return slots;
  };
  const building = join(dir, "building");
  const newPairs = (slots: string[]): string[] => {
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { mode: 0o700 });
    const paths: string[] = [];
    for (const slot of slots) {
      mkdirSync(join(building, slot), { mode: 0o700 });
      paths.push(join(building, slot, "in"), join(building, slot, "out"));
    }

    return ["-m", "600", ...paths];
  };
  const publish = (slots: string[]): void => {
    for (const slot of slots) {
      try {
        renameSync(join(building, slot), join(pool, slot));
      } catch {
        // taken meanwhile: dropped with the building directory
      }
    }
    rmSync(building, { recursive: true, force: true });
  };
  const missingSlots = (): string[] => {
    const used = inUse();
    const slots: string[] = [];
    for (let slot = 0; slot < HOOKD_POOL_SIZE; slot += 1) if (!used.has(String(slot))) slots.push(String(slot));

    return slots;
  };
  const mkfifoOptions = { env: childProcessEnv(), timeout: 5_000, stdio: "ignore" as const, windowsHide: true };
  const initial = missingSlots();
  execFileSync(mkfifo, newPairs(initial), mkfifoOptions);
  publish(initial);
  // Clients return pairs after use; pairs of clients that failed or died are replaced by the
  // watchdog (every 2 s), never while a call waits: spawning mkfifo would delay its answer
  const refill = (): void => {
    if (refilling || stopping) return;
    let slots: string[];
    try {
      slots = missingSlots();
      if (slots.length === 0) return;
      refilling = true;
      execFile(mkfifo, newPairs(slots), mkfifoOptions, (error) => {
        refilling = false;
        if (!error && !stopping) publish(slots);
      });
    } catch {
      refilling = false;
    }
  };

  const stop = (cleanUp: boolean): void => {
    if (stopping) return;
    stopping = true;
    if (cleanUp && lockHolder(lock) === process.pid) {
      rmSync(req, { force: true });
      rmSync(pool, { recursive: true, force: true });
      rmSync(lock, { force: true });
    }
    process.exit(0);
  };
  process.on("SIGTERM", () => stop(true));
  process.on("SIGINT", () => stop(true));
  const idleMs = hookDaemonIdleMs();
  setInterval(() => {
    // Retired (lock removed or taken over) or the state directory is gone: leave without touching it
    if (lockHolder(lock) !== process.pid || !existsSync(req)) stop(false);
    else if (Date.now() - lastRequest > idleMs || Date.now() - started > MAX_LIFETIME_MS) stop(true);
    else {
      sweepClaimed(claimed);
      refill();
      // Uploads are started from here, not on every call: the same spool and backoff as in-process
      maybeStartFlush(statePaths(opts.stateDir), new Date());
    }
  }, Math.min(WATCHDOG_MS, idleMs));

  const reply = (id: string, answer: THookOutput | (THookOutput & { committed: true }) | { stale: true } | { fallback: true } | { cannot: true }): void => {
    const text = JSON.stringify({ id, ...answer });
    const framed = Buffer.from(`${Buffer.byteLength(text)}\n${text}`);
    let fd: number;
    try {
      // The client holds its end open (O_RDWR): if it is gone, this fails and nobody waits
      fd = openSync(join(claimed, id, "out"), constants.O_WRONLY | constants.O_NONBLOCK);
    } catch {
      return;
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFIFO() || !ownedPrivate(stat)) return;
      let offset = 0;
      for (let spins = 0; offset < framed.length && spins < 1000; spins += 1) {
        try {
          offset += writeSync(fd, framed, offset);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return;
        }
      }
    } finally {
      closeSync(fd);
    }
  };

  const answer = (id: string, text: string): void => {
    const parsed = parseBody(text);
    if (!parsed) return reply(id, { fallback: true });
    if (parsed.v !== opts.buildId) {
      reply(id, { stale: true });
      // Another build is installed: leave, so the next call starts a daemon running it
      setImmediate(() => stop(true));

      return;
    }
    const input = Buffer.byteLength(parsed.input) > MAX_HOOK_INPUT_BYTES ? { kind: "oversize" as const } : { kind: "ok" as const, text: parsed.input };
    const env = { ...parsed.env, EGRESS_SYNC_HOME: opts.stateDir };
    if (parsed.cmd === "check") {
      let output: THookOutput | undefined;
      try {
        output = checkFromCacheOutput(parsed.argv, { cwd: parsed.cwd, env, input });
      } catch {
        output = undefined;
      }
      // A file not validated yet (or unusual arguments): the caller runs the full CLI
      reply(id, output ?? { cannot: true });

      return;
    }
    // A call with something to record is committed first: `done` created exclusively in the
    // client's pair. A client that gives up waiting tries to create it too; whoever is first
    // records the call, so a slow answer never spools an event twice
    const commit = (): boolean => {
      try {
        closeSync(openSync(join(claimed, id, "done"), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600));

        return true;
      } catch {
        return false;
      }
    };
    runHook({ agent: parsed.agent, input, env, flush: false, commit }).then(
      // Not committed: the client left and decides (and records) the call itself
      (run) => {
        if (run.committed !== false) reply(id, { stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode, ...(run.committed ? { committed: true } : {}) });
      },
      () => reply(id, { fallback: true }),
    );
  };

  const handle = (id: string, bytes: number): void => {
    let fd: number;
    try {
      fd = openSync(join(claimed, id, "in"), constants.O_RDONLY | constants.O_NONBLOCK);
      const stat = fstatSync(fd);
      if (!stat.isFIFO() || !ownedPrivate(stat)) {
        closeSync(fd);

        return;
      }
    } catch {
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const body = new net.Socket({ fd, readable: true, writable: false });
    const timer = setTimeout(() => body.destroy(), BODY_TIMEOUT_MS);
    body.on("error", () => undefined);
    body.on("close", () => clearTimeout(timer));
    body.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received < bytes) return;
      clearTimeout(timer);
      body.destroy();
      answer(id, Buffer.concat(chunks, received).subarray(0, bytes).toString("utf8"));
    });
  };

  execFileSync(mkfifo, ["-m", "600", req], mkfifoOptions);
  // O_RDWR: the daemon is also a writer, so the pipe never reports end-of-file between clients
  const control = new net.Socket({ fd: openSync(req, constants.O_RDWR | constants.O_NONBLOCK), readable: true, writable: false });
  // latin1 keeps one character per byte, so inline bodies are cut by their byte count
  let pending = "";
  control.setEncoding("latin1");
  control.on("data", (chunk: string) => {
    pending += chunk;
    for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n")) {
      const [id, size, inline, extra] = pending.slice(0, end).split(" ");
      const bytes = Number(size);
      const valid = id !== undefined && CLIENT_ID.test(id) && Number.isInteger(bytes) && bytes > 0 && extra === undefined;
      if (valid && inline === "+" && bytes <= INLINE_MAX_BYTES) {
        // A message is written at once: its body is complete in this stream
        if (pending.length < end + 1 + bytes) break;
        const body = pending.slice(end + 1, end + 1 + bytes);
        pending = pending.slice(end + 1 + bytes);
        lastRequest = Date.now();
        answer(id, Buffer.from(body, "latin1").toString("utf8"));
        continue;
      }
      pending = pending.slice(end + 1);
      if (valid && inline === undefined && bytes <= MAX_BODY_BYTES) {
        lastRequest = Date.now();
        handle(id, bytes);
      }
    }
    // Messages are at most PIPE_BUF long: anything longer without a complete message is noise
    if (pending.length > INLINE_MAX_BYTES + 64) pending = "";
  });
  control.on("error", () => stop(true));
}

/** Minimum time between two starts of a daemon for one state directory */
const START_INTERVAL_MS = 30_000;

/**
 * Starts `egress-sync hookd` detached for `stateDir` (its own session, no stdio, by argv, with the
 * minimal environment of a background flush plus the idle setting) unless one runs, one was started
 * in the last 30 s, or daemons are off. Never throws and never waits: the call was decided already
 */
export function startHookDaemon(opts: { stateDir: string; cliPath?: string; env?: NodeJS.ProcessEnv }): boolean {
  try {
    const env = opts.env ?? process.env;
    const cli = opts.cliPath ?? process.argv[1];
    if (!hookDaemonEnabled(env) || !cli || !mkfifoBinary() || hookDaemonRunning(opts.stateDir) !== undefined) return false;
    const dir = hookDaemonDir(opts.stateDir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const marker = join(dir, "started-at");
    try {
      if (Date.now() - statSync(marker).mtimeMs < START_INTERVAL_MS) return false;
    } catch {
      // never started
    }
    writeFileSync(marker, `${new Date().toISOString()}\n`, { mode: 0o600 });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { spawn } = require("node:child_process") as typeof TChildProcess;
    const childEnv = detachedFlushEnv({ stateDir: opts.stateDir, env });
    if (env.EGRESS_SYNC_HOOKD_IDLE_MS) childEnv.EGRESS_SYNC_HOOKD_IDLE_MS = env.EGRESS_SYNC_HOOKD_IDLE_MS;
    const child = spawn(process.execPath, [resolve(cli), "hookd"], { detached: true, stdio: "ignore", cwd: opts.stateDir, env: childEnv, windowsHide: true });
    child.on("error", () => undefined);
    child.unref();

    return true;
  } catch {
    return false;
  }
}
