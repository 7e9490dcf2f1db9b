import type { Command } from "commander";

import { printJson, printLine, wrapCommandAction } from "../common";
import { resolveStateDir } from "../env";
import { createAccessRequest } from "../upload/requests";
import type { TAccessRequestView } from "@egress/contracts";

type TRequestOptions = { json?: boolean; reason?: string };

/** Registers `egress-sync request <target> --reason "…"` */
export function configureRequestCommand(program: Command): Command {
  return program
    .command("request")
    .description("ask your security team for access to a host, an MCP connector or a command")
    .argument("<target>", "a host (`api.example.com`), `mcp:<connector>` or `cmd:<command>`")
    .requiredOption("--reason <reason>", "why you need it (shown to the reviewer)")
    .option("--json", "print machine-readable json on stdout")
    .action(
      wrapCommandAction<TRequestOptions>(async (options, target) => {
        const request = await requestAccess({ ...options, target: target ?? "" });
        if (options.json) {
          printJson({ ok: true, request });

          return;
        }
        printLine(`request ${request.id} filed: ${request.kind} \`${request.target}\` is ${request.status}`);
        printLine("check it with `egress-sync requests`; once approved, run `egress-sync pull` to get the new policy");
      }),
    );
}

/** Files one access request */
export async function requestAccess(options: TRequestOptions & { target: string; stateDir?: string }): Promise<TAccessRequestView> {
  return createAccessRequest({ stateDir: options.stateDir ?? resolveStateDir(), target: options.target, reason: options.reason ?? "" });
}
