// Bundles egress-sync into CommonJS for node20 (CJS starts faster than ESM, see stack-recipe §5):
//   dist/egress-sync.cjs  tiny dispatcher (the bin): `hook <agent>` loads only dist/hook.cjs,
//                         everything else loads dist/cli.cjs
//   dist/hook.cjs         the agent hook: no commander, no zod, no HTTP
//   dist/cli.cjs          every other command
import { build } from "esbuild";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

// The shell parser (~300 KB with babylon) is its own file, required on the first shell call only,
// so every other hook call does not even parse it
const lazyShellParser = {
  name: "lazy-shell-parser",
  setup(b) {
    b.onResolve({ filter: /^@ericcornelissen\/bash-parser$/ }, (args) =>
      args.importer.endsWith("bash-parser-entry.cjs") ? undefined : { path: "./bash-parser.cjs", external: true },
    );
  },
};
const parserEntry = join(dist, "bash-parser-entry.cjs");
writeFileSync(parserEntry, 'module.exports = require("@ericcornelissen/bash-parser");\n');

const [hook, cli] = await Promise.all([
  build({ ...common, plugins: [lazyShellParser], entryPoints: [join(root, "src/hook/main.ts")], outfile: join(dist, "hook.cjs") }),
  build({ ...common, plugins: [lazyShellParser], entryPoints: [join(root, "src/index.ts")], outfile: join(dist, "cli.cjs") }),
  build({ ...common, plugins: [lazyShellParser], entryPoints: [parserEntry], outfile: join(dist, "bash-parser.cjs"), nodePaths: [join(root, "node_modules"), join(root, "../../node_modules")] }),
]);
rmSync(parserEntry);

// The dispatcher is written by hand: it must stay a few hundred bytes
const bin = join(dist, "egress-sync.cjs");
writeFileSync(
  bin,
  `#!/usr/bin/env node
"use strict";
var a = process.argv[2], b = process.argv[3];
if (a === "hook" && b && b[0] !== "-" && process.argv.length === 4) require("./hook.cjs");
else require("./cli.cjs");
`,
);
chmodSync(bin, 0o755);

if (metafile) {
  for (const [name, result] of [["hook", hook], ["cli", cli]]) {
    writeFileSync(join(dist, `${name}.meta.json`), JSON.stringify(result.metafile));
  }
}
