// Bundles egress-sync into CommonJS for node20 (CJS starts faster than ESM, see stack-recipe §5):
//   dist/egress-sync.cjs  tiny dispatcher (the bin, src/bin/dispatcher.cjs): `hook <agent>` asks
//                         the hook daemon, else loads only dist/hook.cjs; everything else loads dist/cli.cjs
//   dist/hook.cjs         the agent hook: no commander, no zod, no HTTP
//   dist/cli.cjs          every other command
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, "dist");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const metafile = process.argv.includes("--metafile");

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  minify: process.env.EGRESS_NO_MINIFY !== "1",
  legalComments: "none",
  logLevel: "warning",
  metafile,
  mainFields: ["module", "main"],
  define: { __EGRESS_CLI_VERSION__: JSON.stringify(version) },
};

// The shell parser (unbash) is its own file, required on the first shell call only, so every other
// hook call does not even load it; it is left unminified (measured faster to start than minified)
const lazyShellParser = {
  name: "lazy-shell-parser",
  setup(b) {
    b.onResolve({ filter: /^unbash$/ }, (args) =>
      args.importer.endsWith("shell-parser-entry.cjs") ? undefined : { path: "./shell-parser.cjs", external: true },
    );
  },
};
const parserEntry = join(dist, "shell-parser-entry.cjs");
writeFileSync(parserEntry, 'module.exports = require("unbash");\n');

const [hook, cli] = await Promise.all([
  build({ ...common, plugins: [lazyShellParser], entryPoints: [join(root, "src/hook/main.ts")], outfile: join(dist, "hook.cjs") }),
  build({ ...common, plugins: [lazyShellParser], entryPoints: [join(root, "src/index.ts")], outfile: join(dist, "cli.cjs") }),
  build({ ...common, minify: false, plugins: [lazyShellParser], entryPoints: [parserEntry], outfile: join(dist, "shell-parser.cjs"), nodePaths: [join(root, "node_modules"), join(root, "../../node_modules")] }),
]);
rmSync(parserEntry);

// The dispatcher is written by hand: it must stay small. `hook <agent>` loads dist/hook.cjs through
// LOADER, which compiles each bundle with its V8 code cache (`<file>.v8cache`, written below), so
// the hook's start-up neither parses nor compiles its code. A missing or rejected cache (another
// Node.js build) only means compiling as usual: V8 checks it and falls back by itself.
const LOADER = `var loaded = {};
function load(name) {
  if (loaded[name]) return loaded[name].exports;
  var fs = require("fs"), vm = require("vm");
  var file = __dirname + "/" + name, data;
  try { data = fs.readFileSync(file + ".v8cache"); } catch (e) {}
  var script = new vm.Script("(function (exports, require, module, __filename, __dirname) {" + fs.readFileSync(file, "utf8") + "\\n})", { filename: file, cachedData: data });
  var mod = loaded[name] = { exports: {}, script: script };
  script.runInThisContext().call(mod.exports, mod.exports, requireFromBundle, mod, file, __dirname);
  return mod.exports;
}
function requireFromBundle(id) { return id.slice(0, 2) === "./" ? load(id.slice(2)) : require(id); }
`;
// The dispatcher (the bin) is hand-written plain JavaScript in src/bin/dispatcher.cjs, with LOADER
// and a build id inserted: the hook daemon serves only clients of its own build (src/hook/daemon.ts)
const bin = join(dist, "egress-sync.cjs");
const buildId = createHash("sha256")
  .update(readFileSync(join(dist, "hook.cjs")))
  .update(readFileSync(join(dist, "shell-parser.cjs")))
  .update(readFileSync(join(root, "src/bin/dispatcher.cjs")))
  .digest("hex")
  .slice(0, 16);
writeFileSync(bin, readFileSync(join(root, "src/bin/dispatcher.cjs"), "utf8").replace("/* LOADER */\n", LOADER).replace("__EGRESS_BUILD_ID__", buildId));
chmodSync(bin, 0o755);

// Record the code caches: load the hook bundle exactly as the dispatcher does, run its decision
// path on sample calls (so lazily compiled functions are included), then save each script's cache
const recorder = join(dist, "record-code-cache.cjs");
writeFileSync(
  recorder,
  `"use strict";
${LOADER}
var decided = load("hook.cjs").warmup();
if (!(decided > 0)) throw new Error("hook warm-up decided nothing");
for (var name in loaded) require("fs").writeFileSync(__dirname + "/" + name + ".v8cache", loaded[name].script.createCachedData());
`,
);
const recorded = spawnSync(process.execPath, [recorder], { stdio: "inherit", env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" } });
rmSync(recorder);
if (recorded.status !== 0) throw new Error("recording the hook's code cache failed");

// Every other command loads dist/cli.cjs (~900 KB) the same way. Its cache is recorded after the
// CLI ran `--version`, which initializes every module (zod schemas, commander) and touches no
// state: about a third off every command's start-up (e.g. ~250 ms → ~175 ms for `status` here)
const cliRecorder = join(dist, "record-cli-code-cache.cjs");
writeFileSync(
  cliRecorder,
  `"use strict";
${LOADER}
process.on("exit", function () { require("fs").writeFileSync(__dirname + "/cli.cjs.v8cache", loaded["cli.cjs"].script.createCachedData()); });
process.argv = [process.argv[0], __dirname + "/egress-sync.cjs", "--version"];
load("cli.cjs");
`,
);
const cliHome = mkdtempSync(join(tmpdir(), "egress-build-"));
const cliRecorded = spawnSync(process.execPath, [cliRecorder], { stdio: ["ignore", "ignore", "inherit"], env: { PATH: process.env.PATH ?? "", HOME: cliHome, EGRESS_SYNC_HOME: join(cliHome, "state") } });
rmSync(cliRecorder);
rmSync(cliHome, { recursive: true, force: true });
if (cliRecorded.status !== 0 || !existsSync(join(dist, "cli.cjs.v8cache"))) throw new Error("recording the CLI's code cache failed");

if (metafile) {
  for (const [name, result] of [["hook", hook], ["cli", cli]]) {
    writeFileSync(join(dist, `${name}.meta.json`), JSON.stringify(result.metafile));
  }
}
