import type { Command } from "commander";
import { parsePolicyDocument } from "@egress/policy";

import { commonOptions, EXIT_CODES, ExitError, printJson, printLine, wrapCommandAction } from "../common";
import type { TCommonOptions } from "../common";
import { resolveStateDir } from "../env";
import { throwCacheFailure } from "../state/describe";
import { statePaths } from "../state/paths";
import { loadVerifiedSnapshot } from "../state/verified";

/** `egress-sync verify [--json]` */
export function configureVerifyCommand(program: Command): Command {
  return commonOptions(
    program.command("verify").description("check the cached snapshot offline against the pinned root, exactly as the hook does"),
  ).action(wrapCommandAction<TCommonOptions>(verify));
}

/** Verifies the cached snapshot offline (signature, org, scope, rollback, expiry, policy); exit codes as `pull` */
export function verify(options: TCommonOptions): void {
  const paths = statePaths(resolveStateDir());
  const cache = loadVerifiedSnapshot({ paths, now: new Date() });
  if (!cache.ok) throwCacheFailure(cache);
  const parsed = parsePolicyDocument(cache.snapshot.policy);
  if (!parsed.ok) {
    const issues = parsed.errors.slice(0, 3).map((issue) => `\`${issue.path}\`: ${issue.message}`).join("; ");
    throw new ExitError({ exitCode: EXIT_CODES.POLICY_INVALID, code: "policy_invalid", message: `the cached snapshot's policy is invalid (${issues}): run \`egress-sync pull\`` });
  }
  const { snapshot, root, digest } = cache;
  if (options.json) {
    printJson({ ok: true, version: snapshot.version, revision: snapshot.revision, org: snapshot.org, scope: snapshot.scope, issuedAt: snapshot.issuedAt, expiresAt: snapshot.expiresAt, digest, rootVersion: root.version, rootFingerprint: root.fingerprint });

    return;
  }
  printLine(`snapshot v${snapshot.version} (revision ${snapshot.revision}) verifies: org \`${snapshot.org}\`, scope \`${snapshot.scope}\`, signed under root v${root.version}, valid until ${snapshot.expiresAt}`);
}
