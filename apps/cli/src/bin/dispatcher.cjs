#!/usr/bin/env node
"use strict";
// dist/egress-sync.cjs, the bin: build.mjs copies this file, inserting LOADER and the build id.
// Plain JavaScript, written by hand and kept small: it is all that runs on a hook call answered
// by the hook daemon (src/hook/daemon.ts), so every line here is paid on every tool call.
//
//   hook <agent>   read stdin (bounded) → ask the daemon → else load dist/hook.cjs and decide here
//   hookd          serve hook calls (the daemon), from dist/hook.cjs
//   check …        the daemon, else dist/hook.cjs for a policy file validated before, else the full CLI
//   anything else  dist/cli.cjs
/* LOADER */
var BUILD_ID = "__EGRESS_BUILD_ID__";
// The same limits as src/hook/run-hook.ts (MAX_HOOK_INPUT_BYTES, STDIN_TIMEOUT_MS); a test checks
var MAX_INPUT_BYTES = 1048576;
var STDIN_TIMEOUT_MS = 3000;
// `check` waits longer for its input (src/check/fast.ts CHECK_STDIN_TIMEOUT_MS)
var CHECK_STDIN_TIMEOUT_MS = 30000;
// How long the daemon may take to answer before this process decides by itself
var DAEMON_TIMEOUT_MS = 1000;
// How much longer to wait for a daemon that, at that point, has committed to recording the call
var COMMITTED_TIMEOUT_MS = 4000;
// Pairs of FIFOs in the daemon's pool (src/hook/daemon.ts HOOKD_POOL_SIZE; a test checks)
var POOL_SIZE = 8;

/** A Node.js module: process.getBuiltinModule (~0.01 ms) where there is one, else require (~0.06 ms the first time) */
function builtin(name) {
  return process.getBuiltinModule ? process.getBuiltinModule(name) : require(name);
}

// If the hook bundle itself cannot load, the dispatcher still prints an explicit deny in the
// agent's protocol (hand-written, agent-hooks.md §6.3): a crash would exit 1, which agents ignore
function denyUnloadable(agent, error) {
  var r = "egress-control: the hook cannot start (" + String((error && error.message) || error) + "): the call is denied; reinstall egress-sync, then run `egress-sync doctor`";
  var out = agent === "claude-code" || agent === "codex" ? { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: r } }
    : agent === "gemini-cli" ? { decision: "deny", reason: r }
    : agent === "cursor" ? { permission: "deny", user_message: r, agent_message: r }
    : agent === "copilot" ? { permissionDecision: "deny", permissionDecisionReason: r } : undefined;
  if (out) process.stdout.write(JSON.stringify(out) + "\n");
  else process.stderr.write(r + "\n");
  process.exitCode = out ? 0 : 2;
}

/**
 * Reads fd 0 to EOF, bounded in size and time: {kind: ok|oversize|timeout|error} (as src/hook/stdin.ts).
 * `meanwhile` runs once the first read is under way on libuv's thread pool, so its work overlaps it
 */
function readInput(timeoutMs, meanwhile, done) {
  var fs = builtin("fs"), chunks = [], total = 0, settled = false;
  function finish(result) {
    if (settled) return;
    settled = true;
    done(result);
  }
  function next() {
    var buffer = Buffer.allocUnsafe(65536);
    fs.read(0, buffer, 0, buffer.length, null, function (error, bytes) {
      if (settled) return;
      if (error && error.code === "EAGAIN") return void setTimeout(next, 2);
      if (error && error.code !== "EOF") return finish({ kind: "error", message: error.code || error.message });
      // (One chunk, the usual case, is decoded as is: a process's first Buffer.concat costs ~0.15 ms)
      if (error || bytes === 0) return finish({ kind: "ok", text: (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)).toString("utf8") });
      total += bytes;
      if (total > MAX_INPUT_BYTES) return finish({ kind: "oversize" });
      chunks.push(buffer.subarray(0, bytes));
      next();
    });
  }
  next();
  meanwhile();
  // The deadline: a one-shot timer from Atomics.waitAsync on a private word nobody notifies. Arming
  // it costs ~0.01 ms where a process's first setTimeout costs ~0.2 ms; the pending read keeps the
  // event loop alive until it fires, and `settled` makes a late firing harmless
  Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(4)), 0, 0, timeoutMs).value.then(function () { finish({ kind: "timeout" }); });
}

/** The state directory, resolved exactly as src/env.ts resolveStateDir does */
function stateDir() {
  var path = builtin("path"), env = process.env;
  if (env.EGRESS_SYNC_HOME) return path.resolve(env.EGRESS_SYNC_HOME);
  if (env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)) return path.join(env.XDG_CONFIG_HOME, "egress-sync");
  var home = env.HOME && path.isAbsolute(env.HOME) ? env.HOME : builtin("os").homedir();
  return path.join(home, ".config", "egress-sync");
}

// The hook daemon protocol, client side (the daemon's side and the layout: src/hook/daemon.ts).
// Synchronous throughout: nothing else runs meanwhile, and every wait is bounded by a deadline.

/** A FIFO this user owns that nobody else can open */
function privateFifo(fs, fd) {
  var st = fs.fstatSync(fd);
  return st.isFIFO() && st.uid === process.getuid() && (st.mode & 63) === 0;
}

/**
 * Claims a pair of FIFOs from the daemon's pool (one rename) and opens its reply end. Returns the
 * channel, or why there is none: "off", "absent" (no daemon reads the request FIFO), "busy" (no
 * free pair), "failed"
 */
function openChannel() {
  if (process.platform === "win32" || process.env.EGRESS_SYNC_HOOKD === "0") return "off";
  var fs = builtin("fs"), C = fs.constants, dir = stateDir() + "/hookd", ch = { fs: fs, dir: dir };
  try {
    ch.req = fs.openSync(dir + "/req", C.O_WRONLY | C.O_NONBLOCK);
  } catch (error) {
    // ENOENT: no daemon; ENXIO: its FIFO is there but nobody reads it (the daemon died)
    return "absent";
  }
  try {
    if (!privateFifo(fs, ch.req)) return closeChannel(ch, "failed");
    // Pairs are named by slot, 0 to POOL_SIZE-1: start at one picked by pid, so that concurrent
    // clients mostly try different slots first
    for (var i = 0; i < POOL_SIZE && ch.id === undefined; i += 1) {
      var slot = (process.pid + i) % POOL_SIZE;
      try {
        fs.renameSync(dir + "/pool/" + slot, dir + "/claimed/" + process.pid + "." + slot);
        ch.id = process.pid + "." + slot;
      } catch (error) {
        // taken by another client
      }
    }
    if (ch.id === undefined) return closeChannel(ch, "busy");
    ch.own = dir + "/claimed/" + ch.id;
    // Opened read-write: never blocks, never sees end-of-file; the reply's framing says when to stop
    ch.out = fs.openSync(ch.own + "/out", C.O_RDWR | C.O_NONBLOCK);
    if (!privateFifo(fs, ch.out)) return closeChannel(ch, "failed");
    return ch;
  } catch (error) {
    return closeChannel(ch, "failed");
  }
}

/**
 * Closes the channel; after a whole exchange its pair is empty and goes back to the pool (without
 * the daemon's commit mark), else it is dropped (the daemon may still write to it)
 */
function closeChannel(ch, result) {
  var fs = ch.fs;
  for (var fd of [ch.req, ch.in, ch.out]) if (fd !== undefined) try { fs.closeSync(fd); } catch (error) { /* closed */ }
  if (ch.own !== undefined) try {
    if (ch.done && ch.committed) fs.unlinkSync(ch.own + "/done");
    if (ch.done) fs.renameSync(ch.own, ch.dir + "/pool/" + ch.id.slice(ch.id.indexOf(".") + 1));
    else fs.rmSync(ch.own, { recursive: true, force: true });
  } catch (error) {
    try { fs.rmSync(ch.own, { recursive: true, force: true }); } catch (error2) { /* the daemon sweeps it */ }
  }
  return result;
}

/**
 * At the deadline: whether the daemon has committed to recording this call (its `done` mark is
 * there). Else the mark is made here, so the daemon records nothing and this process decides
 */
function daemonCommitted(ch) {
  try {
    ch.fs.closeSync(ch.fs.openSync(ch.own + "/done", "wx", 384));
    return false;
  } catch (error) {
    return error.code === "EEXIST";
  }
}

/**
 * Sends the call ({cmd: "hook", agent} or {cmd: "check", argv, cwd}) over the channel and waits for
 * the framed reply: the reply, or "stale" / "failed" / "cannot" (a check the full CLI must run)
 */
function exchange(ch, request, text) {
  var fs = ch.fs, C = fs.constants;
  try {
    var env = process.env;
    request.v = BUILD_ID;
    request.input = text;
    request.env = { HOME: env.HOME, USER: env.USER, USERNAME: env.USERNAME, LOGNAME: env.LOGNAME, PATH: env.PATH, LANG: env.LANG, XDG_CACHE_HOME: env.XDG_CACHE_HOME };
    var json = JSON.stringify(request), bytes = Buffer.byteLength(json);
    var end = Date.now() + DAEMON_TIMEOUT_MS, wait = new Int32Array(new SharedArrayBuffer(4));
    // Each message is one write below PIPE_BUF (4096 on Linux, 512 elsewhere), so messages of
    // concurrent clients never mix: the body inline when it fits, else through the pair's `in`
    var line = ch.id + " " + bytes;
    if (process.platform === "linux" && line.length + 3 + bytes <= 4096) {
      var message = line + " +\n" + json;
      if (fs.writeSync(ch.req, message) !== line.length + 3 + bytes) return closeChannel(ch, "failed");
    } else {
      var body = Buffer.from(json);
      ch.in = fs.openSync(ch.own + "/in", C.O_RDWR | C.O_NONBLOCK);
      if (!privateFifo(fs, ch.in)) return closeChannel(ch, "failed");
      fs.writeSync(ch.req, line + "\n");
      for (var sent = 0; sent < body.length; ) {
        try {
          sent += fs.writeSync(ch.in, body, sent);
        } catch (error) {
          if (error.code !== "EAGAIN" || Date.now() > end) return closeChannel(ch, "failed");
          Atomics.wait(wait, 0, 0, 0.02);
        }
      }
    }
    // The reply accumulates in one buffer: a reply that does not fit is not one this hook expects
    var got = Buffer.allocUnsafe(65536), length = 0;
    for (;;) {
      var n = 0;
      try {
        n = fs.readSync(ch.out, got, length, got.length - length, null);
      } catch (error) {
        if (error.code !== "EAGAIN") return closeChannel(ch, "failed");
      }
      if (n > 0) {
        length += n;
        var newline = got.subarray(0, length).indexOf(10);
        var size = newline > 0 ? Number(got.toString("latin1", 0, newline)) : NaN;
        if (length - newline - 1 >= size) {
          var reply = JSON.parse(got.toString("utf8", newline + 1, newline + 1 + size));
          // A reply for another call (never expected: pairs are reused only after a whole exchange)
          if (reply.id !== ch.id || length - newline - 1 !== size) return closeChannel(ch, "failed");
          ch.done = true;
          ch.committed = reply.committed === true;
          if (reply.stale === true) return closeChannel(ch, "stale");
          if (reply.cannot === true) return closeChannel(ch, "cannot");
          if (typeof reply.stdout !== "string" || typeof reply.stderr !== "string" || !Number.isInteger(reply.exitCode)) return closeChannel(ch, "failed");
          return closeChannel(ch, reply);
        }
        if (length === got.length) return closeChannel(ch, "failed");
        continue;
      }
      if (Date.now() > end) {
        if (ch.late || !daemonCommitted(ch)) return closeChannel(ch, "failed");
        ch.late = true;
        end = Date.now() + COMMITTED_TIMEOUT_MS;
      }
      Atomics.wait(wait, 0, 0, 0.02);
    }
  } catch (error) {
    return closeChannel(ch, "failed");
  }
}

function writeAll(fd, text) {
  var fs = builtin("fs"), buffer = Buffer.from(text, "utf8");
  for (var offset = 0; offset < buffer.length; ) {
    try {
      offset += fs.writeSync(fd, buffer, offset);
    } catch (error) {
      if (error.code !== "EAGAIN") return;
    }
  }
}

/** Reads stdin, asks the daemon; calls `fallback(input, why)` unless the daemon answered (then exits) */
function viaDaemon(request, timeoutMs, fallback) {
  var channel;
  // The stdin read is this process's only use of libuv's thread pool, which starts its threads on
  // first use: one is enough (four cost ~0.5 ms to start and stop). Children get allow-listed
  // environments (src/env.ts childProcessEnv), so the setting stays in this process
  process.env.UV_THREADPOOL_SIZE = "1";
  readInput(timeoutMs, function () { channel = openChannel(); }, function (input) {
    var answer = typeof channel !== "object" ? channel : input.kind === "ok" ? exchange(channel, request, input.text) : closeChannel(channel, "skipped");
    if (typeof answer !== "object") return fallback(input, answer);
    if (answer.stdout) writeAll(1, answer.stdout);
    if (answer.stderr) writeAll(2, answer.stderr);
    process.exit(answer.exitCode);
  });
}

/**
 * A `check` the fast paths can take: known agent and a policy file, no help, and stdin not a
 * terminal (a person typing gets the full CLI, which says what is wrong before waiting for input)
 */
function fastCheck(argv) {
  var agent = argv.indexOf("--agent"), policy = argv.indexOf("--policy");
  if (agent < 0 || policy < 0 || argv.indexOf("--help") >= 0 || argv.indexOf("-h") >= 0) return false;
  if (["claude-code", "codex", "gemini-cli", "cursor", "copilot"].indexOf(argv[agent + 1]) < 0 || !argv[policy + 1]) return false;
  try {
    return !builtin("fs").fstatSync(0).isCharacterDevice();
  } catch (error) {
    return false;
  }
}

var a = process.argv[2], b = process.argv[3], rest = process.argv.slice(3);
if (a === "hook" && b && b[0] !== "-" && process.argv.length === 4) {
  viaDaemon({ cmd: "hook", agent: b }, STDIN_TIMEOUT_MS, function (input, daemon) {
    try {
      load("hook.cjs").main({ input: input, daemon: daemon });
    } catch (error) {
      denyUnloadable(b, error);
    }
  });
} else if (a === "hookd" && process.argv.length === 3) {
  load("hook.cjs").serve({ buildId: BUILD_ID });
} else if (a === "check" && fastCheck(rest)) {
  viaDaemon({ cmd: "check", argv: rest, cwd: process.cwd() }, CHECK_STDIN_TIMEOUT_MS, function (input, daemon) {
    var taken = false;
    try {
      taken = load("hook.cjs").check(rest, input, daemon);
    } catch (error) {
      taken = false;
    }
    if (taken) return;
    // The full CLI validates the file; it gets the input read here (src/check/fast.ts takeHandedOver)
    globalThis[Symbol.for("egress-sync.check-input")] = input;
    load("cli.cjs");
  });
} else if (!(a === "check" && checkFromCache())) load("cli.cjs");
function checkFromCache() {
  try {
    return load("hook.cjs").check(rest);
  } catch (error) {
    return false;
  }
}
