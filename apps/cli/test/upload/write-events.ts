import { appendSpoolEvent } from "../../src/spool/spool";
import { newEventId } from "../../src/spool/ids";

// Usage: write-events.ts <stateDir> <count> <agent>: appends like the hook does, one line per event
const [stateDir, count, agent] = process.argv.slice(2);
if (!stateDir || !count) throw new Error("usage: write-events.ts <stateDir> <count> [agent]");
for (let i = 0; i < Number(count); i++) {
  const now = Date.now();
  const { written } = appendSpoolEvent({
    stateDir,
    event: { id: newEventId(now), ts: new Date(now).toISOString(), event: "egress_block", decision: "deny", agent: agent ?? "claude-code", tool: "Bash", kind: "shell", destination: `host-${i}.example.com`, rule: "default-deny", reason: "not on the allow list" },
  });
  if (!written) throw new Error("spool full");
}
