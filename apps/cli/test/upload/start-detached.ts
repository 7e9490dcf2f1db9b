import { startDetachedFlush } from "../../src/upload/detached";

// Usage: start-detached.ts <stateDir> <cliPath>: what the hook does after a decision; prints how long it took
const [stateDir, cliPath] = process.argv.slice(2);
if (!stateDir || !cliPath) throw new Error("usage: start-detached.ts <stateDir> <cliPath>");
const started = performance.now();
const result = startDetachedFlush({ stateDir, cliPath });
process.stdout.write(JSON.stringify({ ...result, ms: performance.now() - started }));
