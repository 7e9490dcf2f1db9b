import { join } from "node:path";

/** Every file egress-sync keeps under its state directory */
export type TStatePaths = {
  dir: string;
  /** `config.json`: server URL, device id, org, scope (0600) */
  config: string;
  /** `credential`: the device credential, nothing else (0600) */
  credential: string;
  /** `root.json`: the pinned (and rotated) root document with its envelope */
  root: string;
  /** `snapshot.json`: the last verified snapshot envelope, byte for byte as served */
  snapshot: string;
  /** `last-seen.json`: highest snapshot version and digest accepted (rollback protection) */
  lastSeen: string;
  /** `status.json`: last pull time and outcome, ETag */
  status: string;
  /** `hook-cache.json` (+ `hook-hosts.<hash>.bin` for long host lists): the verified snapshot's policy, precompiled and bound to the files above (see state/hook-cache.ts) */
  hookCache: string;
  /** `spool/`: event spool (live file, outbox, drop counter, flush backoff) */
  spoolDir: string;
  /** `egress.log`: local JSON-lines decision log (rotated to `egress.log.1`) */
  log: string;
};

/** The paths of every state file under `dir` */
export function statePaths(dir: string): TStatePaths {
  return {
    dir,
    config: join(dir, "config.json"),
    credential: join(dir, "credential"),
    root: join(dir, "root.json"),
    snapshot: join(dir, "snapshot.json"),
    lastSeen: join(dir, "last-seen.json"),
    status: join(dir, "status.json"),
    hookCache: join(dir, "hook-cache.json"),
    spoolDir: join(dir, "spool"),
    log: join(dir, "egress.log"),
  };
}
