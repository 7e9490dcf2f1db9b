import type { Command } from "commander";

import { printJson, printLine, wrapCommandAction } from "../common";
import { resolveStateDir } from "../env";
import { listAccessRequests } from "../upload/requests";
import type { TAccessRequestView } from "@egress/contracts";

type TRequestsOptions = { json?: boolean };

/** Registers `egress-sync requests` */
export function configureRequestsCommand(program: Command): Command {
  return program
    .command("requests")
    .description("list this device's access requests with their status, decision note and expiry")
    .option("--json", "print machine-readable json on stdout")
    .action(
      wrapCommandAction<TRequestsOptions>(async (options) => {
        const list = await requests(options);
        if (options.json) printJson({ ok: true, requests: list });
        else for (const line of describeRequests(list)) printLine(line);
      }),
    );
}

/** One line per request, newest first as the console returns them */
export function describeRequests(list: TAccessRequestView[]): string[] {
  if (list.length === 0) return ["no access requests yet: file one with `egress-sync request <host> --reason \"…\"`"];

  return list.map((r) => {
    const parts = [`${r.id}  ${r.status.padEnd(8)}  ${r.kind} \`${r.target}\``, `asked ${r.createdAt}`];
    if (r.decisionNote) parts.push(`note: ${r.decisionNote}`);
    if (r.allowUntil) parts.push(`allowed until ${r.allowUntil}`);
    if (r.status === "approved") parts.push("run `egress-sync pull` if the hook still blocks it");

    return parts.join("  ");
  });
}

/** Lists the device's requests */
export async function requests(options: TRequestsOptions & { stateDir?: string }): Promise<TAccessRequestView[]> {
  return listAccessRequests({ stateDir: options.stateDir ?? resolveStateDir() });
}
