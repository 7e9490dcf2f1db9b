import type { TAgentSpec } from "./agents";

// An entry is ours when its command runs the egress-sync bundle (or bin) with `hook` or `pull`.
// Install writes exactly these commands, so uninstall and doctor can find them again by command.
const OUR_COMMAND = /(?:^|[\s/'"])egress-sync(?:\.c?js)?['"]?\s+(hook|pull)(?=\s|$|')/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The command text of one handler: `command` plus exec-form `args`, or Copilot's `bash`/`powershell` */
export function handlerCommandText(handler: unknown): string {
  if (!isRecord(handler)) return "";
  const parts: string[] = [];
  for (const key of ["command", "bash", "powershell"]) {
    const value = handler[key];
    if (typeof value === "string") parts.push(value);
  }
  const args = handler.args;
  if (Array.isArray(args)) for (const arg of args) if (typeof arg === "string") parts.push(arg);

  return parts.join(" ");
}

/** `hook` or `pull` when the handler runs egress-sync, else undefined */
export function ourHandlerRole(handler: unknown): "hook" | "pull" | undefined {
  const match = OUR_COMMAND.exec(handlerCommandText(handler));

  return match ? (match[1] as "hook" | "pull") : undefined;
}

/** The handlers inside one array item: the group's `hooks[]` (nested shape) or the item itself (flat shape) */
export function handlersOf(opts: { spec: TAgentSpec; item: unknown }): unknown[] {
  if (opts.spec.shape === "flat") return [opts.item];
  if (!isRecord(opts.item) || !Array.isArray(opts.item.hooks)) return [];

  return opts.item.hooks as unknown[];
}

/** The role of an array item when it holds one of our handlers */
export function ourItemRole(opts: { spec: TAgentSpec; item: unknown }): "hook" | "pull" | undefined {
  for (const handler of handlersOf(opts)) {
    const role = ourHandlerRole(handler);
    if (role) return role;
  }

  return undefined;
}

/** Paths of the node binary and the CLI bundle named by one of our handlers (best effort, for doctor) */
export function commandPaths(handler: unknown): string[] {
  if (!isRecord(handler)) return [];
  if (typeof handler.command === "string" && Array.isArray(handler.args)) {
    const first = (handler.args as unknown[])[0];

    return typeof first === "string" ? [handler.command, first] : [handler.command];
  }
  const text = handlerCommandText(handler);
  const words: string[] = [];
  const re = /'((?:[^']|'\\'')*)'|(\S+)/g;
  for (let m = re.exec(text); m && words.length < 2; m = re.exec(text)) words.push(m[1] !== undefined ? m[1].replaceAll(`'\\''`, "'") : (m[2] ?? ""));

  return words;
}

export { isRecord };
