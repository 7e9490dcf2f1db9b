import { urlFieldValues, urlsInPayload } from "../hosts/extract.js";
import type { TCallKind, TNormalizedCall } from "../types.js";

/** A JSON object (record) or undefined. */
export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** A string-typed field or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** Parses a JSON string defensively; other values pass through. */
export function maybeJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (!t.startsWith("{") && !t.startsWith("[")) return v;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return v;
  }
}

/** File paths named by a file tool's input. */
export function filePathsOf(input: Record<string, unknown> | undefined): string[] {
  if (!input) return [];
  const out: string[] = [];
  for (const k of ["file_path", "path", "notebook_path", "filePath", "absolute_path", "dir_path", "target_file", "relative_path", "file"]) {
    const v = input[k];
    if (typeof v === "string") out.push(v);
  }
  const paths = input.paths ?? input.file_paths;
  if (Array.isArray(paths)) for (const p of paths) if (typeof p === "string") out.push(p);
  const edits = input.edits;
  if (Array.isArray(edits)) for (const e of edits) { const p = asRecord(e)?.file_path; if (typeof p === "string") out.push(p); }
  return out;
}

/** Paths touched by an apply_patch body (`*** Update File: …`). */
export function patchPaths(patch: string): string[] {
  return [...patch.matchAll(/^\*\*\* (?:Add|Update|Delete) File: (.+)$|^\*\*\* Move to: (.+)$/gm)].map((m) => (m[1] ?? m[2] ?? "").trim());
}

/** Builds a normalized call, extracting URLs from the whole payload. */
export function makeCall(base: Omit<TNormalizedCall, "urls" | "targetUrls"> & { targetUrls?: string[] }): TNormalizedCall {
  const urls = urlsInPayload(base.payload);
  const target = base.targetUrls ?? (["fetch", "browser", "websocket"].includes(base.kind) ? urlFieldValues(base.payload) : []);
  for (const t of target) if (!urls.includes(t)) urls.push(t);
  if (base.serverEndpoint !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(base.serverEndpoint) && !urls.includes(base.serverEndpoint)) urls.push(base.serverEndpoint);
  return { ...base, urls, targetUrls: target };
}

/** Kind of a file-ish tool name. */
export function fileKind(tool: string): TCallKind | undefined {
  return /^(read|write|edit|multiedit|notebookedit|notebookread|glob|grep|ls|todowrite|view|create|str_replace|str_replace_editor|insert|delete|read_file|write_file|replace|list_directory|read_many_files|search_file_content|glob_files|apply_patch|edit_file|file_search|codebase_search|delete_file)$/i.test(tool) ? "file" : undefined;
}

/** True for tools that only read files. */
export function isReadTool(tool: string): boolean {
  // Search tools print the lines they match: reading a credential file through them is reading it.
  return /^(read|notebookread|view|read_file|read_many_files|cat|grep|search_file_content|grep_search|rg)$/i.test(tool);
}

const WRITE_TOOL = /^(write|edit|multiedit|notebookedit|create|str_replace|str_replace_editor|str_replace_based_edit_tool|insert|write_file|replace|apply_patch|edit_file|edit_notebook|search_replace)$/i;
const MCP_WRITE_TOOL = /(write|edit|create|move|copy|rename|append|replace|patch|insert|save|upload_file|put_file)/i;

/**
 * Files a call writes: the paths of file-editing tools (relative ones resolved against `cwd`), and
 * absolute paths given to MCP tools whose names write files (filesystem servers).
 */
export function writtenFilePaths(call: TNormalizedCall): string[] {
  const input = asRecord(call.payload);
  if (call.kind === "file") {
    if (!WRITE_TOOL.test(call.tool) || input?.command === "view") return [];
    const cwd = call.cwd !== undefined && call.cwd.startsWith("/") ? call.cwd.replace(/\/+$/, "") : undefined;
    return (call.filePaths ?? []).map((p) => (cwd !== undefined && p !== "" && !/^([/~$]|[a-z]:[\\/])/i.test(p) ? `${cwd}/${p.replace(/^(\.\/)+/, "")}` : p));
  }
  if (call.kind !== "mcp" || !MCP_WRITE_TOOL.test((call.canonicalTool ?? call.tool).split("__").pop() ?? "")) return [];
  const paths = filePathsOf(input);
  for (const k of ["destination", "dest", "target", "target_path", "targetPath", "new_path", "newPath", "to"]) if (typeof input?.[k] === "string") paths.push(input[k]);
  // Relative paths given to a remote (forge) API are not this machine's files.
  return paths.filter((p) => /^([/~]|\$home|\$\{home\}|[a-z]:[\\/])/i.test(p) || /(^|[\\/])[^\\/]*\.git[\\/]/.test(p));
}
