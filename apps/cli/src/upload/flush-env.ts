// The environment of a detached background process (flush, hook daemon): no agent or shell variables.

const PASSED_ENV = ["PATH", "HOME", "LANG", "NODE_EXTRA_CA_CERTS", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"] as const;

/** The minimal environment of a background flush: no agent or shell variables, never secrets */
export function detachedFlushEnv(opts: { stateDir: string; env?: NodeJS.ProcessEnv }): Record<string, string> {
  const env = opts.env ?? process.env;
  const out: Record<string, string> = {};
  for (const key of PASSED_ENV) {
    const value = env[key];
    if (value) out[key] = value;
  }
  out.EGRESS_SYNC_HOME = opts.stateDir;

  return out;
}
