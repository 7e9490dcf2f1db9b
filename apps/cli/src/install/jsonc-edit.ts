import { applyEdits, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from "jsonc-parser";
import type { JSONPath, Node, ParseError } from "jsonc-parser";

import type { TAgentSpec, THookCommand } from "./agents";
import { handlersOf, isRecord, ourHandlerRole, ourItemRole } from "./ownership";

// getNodeValue builds prototype-less objects, so compare plain JSON (with sorted keys) instead
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(canonical) : isRecord(value) ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])])) : value;

  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** A config file egress-sync refuses to touch, with the reason */
export class ConfigRefusedError extends Error {}

/** Parses JSON-with-comments strictly enough to write it back safely (comments yes, trailing commas no) */
export function parseConfig(opts: { text: string; file: string }): Node | undefined {
  if (opts.text.trim() === "") return undefined;
  const errors: ParseError[] = [];
  const root = parseTree(opts.text, errors, { allowTrailingComma: false, disallowComments: false });
  const first = errors[0];
  if (first) {
    const line = opts.text.slice(0, first.offset).split("\n").length;
    throw new ConfigRefusedError(`\`${opts.file}\` is not valid json: ${printParseErrorCode(first.error)} at line ${line}; fix it or move it aside, nothing was changed`);
  }
  if (root?.type !== "object") throw new ConfigRefusedError(`\`${opts.file}\` does not hold a json object; nothing was changed`);

  return root;
}

type TFormat = { eol: string; unit: string };

/** Indentation unit and line endings of the file, so inserted text looks like the rest */
export function detectFormatting(text: string): TFormat {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indented = /\n([ \t]+)\S/.exec(text);

  return { eol, unit: indented?.[1]?.startsWith("\t") ? "\t" : (indented?.[1] ?? "  ") };
}

function lineIndent(opts: { text: string; offset: number }): string {
  const lineStart = opts.text.lastIndexOf("\n", opts.offset - 1) + 1;

  return /^[ \t]*/.exec(opts.text.slice(lineStart))?.[0] ?? "";
}

function pretty(opts: { value: unknown; indent: string; format: TFormat }): string {
  return JSON.stringify(opts.value, null, opts.format.unit).split("\n").join(opts.format.eol + opts.indent);
}

const COMMENT = /\/\/|\/\*/;
const end = (node: Node): number => node.offset + node.length;

// Low-level edits on the parse tree (jsonc-parser's own `modify` re-formats neighbouring lines, which
// would make uninstall unable to give back the original bytes). Appends and removals are exact inverses.
function appendChild(opts: { text: string; container: Node; key?: string; value: unknown }): string {
  const { text, container } = opts;
  const format = detectFormatting(text);
  const base = lineIndent({ text, offset: container.offset });
  const inner = base + format.unit;
  const rendered = (opts.key === undefined ? "" : `${JSON.stringify(opts.key)}: `) + pretty({ value: opts.value, indent: inner, format });
  const last = container.children?.at(-1);
  if (!last) return emptyInsert({ text, container, content: `${format.eol}${inner}${rendered}${format.eol}${base}` });
  const lineEnd = text.indexOf("\n", end(last));
  const restOfLine = text.slice(end(last), lineEnd === -1 ? text.length : lineEnd);
  if (COMMENT.test(restOfLine) && !restOfLine.includes(",")) {
    const at = lineEnd > 0 && text[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd;

    return applyEdits(text, [
      { offset: end(last), length: 0, content: "," },
      { offset: at, length: 0, content: `${format.eol}${inner}${rendered}` },
    ]);
  }

  return applyEdits(text, [{ offset: end(last), length: 0, content: `,${format.eol}${inner}${rendered}` }]);
}

function emptyInsert(opts: { text: string; container: Node; content: string }): string {
  const inside = opts.text.slice(opts.container.offset + 1, end(opts.container) - 1);
  const length = inside.trim() === "" ? inside.length : 0;

  return applyEdits(opts.text, [{ offset: opts.container.offset + 1, length, content: opts.content }]);
}

function removeChild(opts: { text: string; container: Node; index: number }): string {
  const { text, container, index } = opts;
  const children = container.children ?? [];
  const node = children[index];
  if (!node) return text;
  const prev = children[index - 1];
  const next = children[index + 1];
  if (next) return applyEdits(text, [{ offset: node.offset, length: next.offset - node.offset, content: "" }]);
  if (!prev) {
    const inside = text.slice(container.offset + 1, end(container) - 1);
    const rest = inside.replace(text.slice(node.offset, end(node)), "");
    if (rest.trim() === "") return applyEdits(text, [{ offset: container.offset + 1, length: inside.length, content: "" }]);

    return applyEdits(text, [{ offset: node.offset, length: node.length, content: "" }]);
  }
  const gap = text.slice(end(prev), node.offset);
  if (COMMENT.test(gap)) {
    const comma = end(prev) + gap.indexOf(",");
    let eol = end(prev) + gap.lastIndexOf("\n");
    if (text[eol - 1] === "\r") eol -= 1;

    return applyEdits(text, [
      { offset: comma, length: 1, content: "" },
      { offset: eol, length: end(node) - eol, content: "" },
    ]);
  }

  return applyEdits(text, [{ offset: end(prev), length: end(node) - end(prev), content: "" }]);
}

function replaceNode(opts: { text: string; node: Node; value: unknown }): string {
  const format = detectFormatting(opts.text);
  const content = pretty({ value: opts.value, indent: lineIndent({ text: opts.text, offset: opts.node.offset }), format });

  return applyEdits(opts.text, [{ offset: opts.node.offset, length: opts.node.length, content }]);
}

function nodeAt(opts: { text: string; file: string; path: JSONPath }): Node | undefined {
  const root = parseConfig({ text: opts.text, file: opts.file });

  return root ? findNodeAtLocation(root, opts.path) : undefined;
}

/** Sets `value` at `path` (creating missing objects/arrays, `-1` appends to an array) */
function setAt(opts: { text: string; file: string; path: JSONPath; value: unknown }): string {
  const { text, file, path } = opts;
  const existing = nodeAt({ text, file, path });
  const last = path.at(-1);
  if (existing && last !== -1) return replaceNode({ text, node: existing, value: opts.value });
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const container = nodeAt({ text, file, path: path.slice(0, depth) });
    if (!container) continue;
    let value = opts.value;
    for (let i = path.length - 1; i > depth; i--) value = typeof path[i] === "number" ? [value] : { [path[i] as string]: value };
    const key = path[depth];

    return appendChild({ text, container, key: typeof key === "string" ? key : undefined, value });
  }

  return text;
}

/** Removes the property or item at `path` */
function removeAt(opts: { text: string; file: string; path: JSONPath }): string {
  const node = nodeAt(opts);
  if (!node?.parent) return opts.text;
  const member = node.parent.type === "property" ? node.parent : node;
  const container = member.parent;
  if (!container) return opts.text;

  return removeChild({ text: opts.text, container, index: (container.children ?? []).indexOf(member) });
}

function valueAt(opts: { text: string; file: string; path: JSONPath }): unknown {
  const root = parseConfig({ text: opts.text, file: opts.file });
  const node = root ? findNodeAtLocation(root, opts.path) : undefined;

  return node ? (getNodeValue(node) as unknown) : undefined;
}

function assertShape(opts: { text: string; file: string; arrayPath: string[] }): unknown[] | undefined {
  for (let depth = 1; depth < opts.arrayPath.length; depth++) {
    const parent = valueAt({ text: opts.text, file: opts.file, path: opts.arrayPath.slice(0, depth) });
    if (parent !== undefined && !isRecord(parent)) {
      throw new ConfigRefusedError(`\`${opts.arrayPath.slice(0, depth).join(".")}\` in \`${opts.file}\` is not an object; fix it by hand, nothing was changed`);
    }
  }
  const array = valueAt({ text: opts.text, file: opts.file, path: opts.arrayPath });
  if (array !== undefined && !Array.isArray(array)) {
    throw new ConfigRefusedError(`\`${opts.arrayPath.join(".")}\` in \`${opts.file}\` is not a list; fix it by hand, nothing was changed`);
  }

  return array;
}

/** New text with our entries merged in (existing ones of ours updated in place); same text when already installed */
export function mergeEntries(opts: { text: string; file: string; spec: TAgentSpec; cmd: THookCommand }): string {
  const { spec, file } = opts;
  let text = opts.text;
  if (parseConfig({ text, file }) === undefined) {
    const doc: Record<string, unknown> = structuredClone(spec.template);
    for (const entry of spec.entries(opts.cmd)) {
      const [top, key] = entry.arrayPath as [string, string];
      const parent = (doc[top] ??= {}) as Record<string, unknown[]>;
      (parent[key] ??= []).push(entry.value);
    }

    return `${JSON.stringify(doc, null, 2)}\n`;
  }
  for (const entry of spec.entries(opts.cmd)) {
    const array = assertShape({ text, file, arrayPath: entry.arrayPath }) ?? [];
    const index = array.findIndex((item) => ourItemRole({ spec, item }) === entry.role);
    const current = array[index];
    if (index >= 0 && sameJson(current, entry.value)) continue;
    text = setAt({ text, file, path: [...entry.arrayPath, index >= 0 ? index : -1], value: entry.value });
  }

  return text;
}

/** Text without any entry of ours, or `delete` when the file would hold nothing but what install created */
export function removeEntries(opts: { text: string; file: string; spec: TAgentSpec }): string | { delete: true } {
  const { spec, file } = opts;
  let text = opts.text;
  if (parseConfig({ text, file }) === undefined) return text;
  const arrayPaths = [...new Map(spec.entries({ node: "", cli: "" }).map((e) => [e.arrayPath.join("\0"), e.arrayPath])).values()];
  let removedAny = false;
  for (const arrayPath of arrayPaths) {
    const array = assertShape({ text, file, arrayPath });
    if (!array) continue;
    let removedHere = false;
    for (let index = array.length - 1; index >= 0; index--) {
      const item = array[index];
      if (!ourItemRole({ spec, item })) continue;
      const handlers = handlersOf({ spec, item });
      const others = handlers.filter((handler) => !ourHandlerRole(handler));
      if (spec.shape === "nested" && others.length > 0) {
        // A group someone else also uses: take out only our handlers
        for (let h = handlers.length - 1; h >= 0; h--) if (ourHandlerRole(handlers[h])) text = removeAt({ text, file, path: [...arrayPath, index, "hooks", h] });
      } else {
        text = removeAt({ text, file, path: [...arrayPath, index] });
      }
      removedHere = true;
    }
    if (!removedHere) continue;
    removedAny = true;
    // Containers that only held our entries were created by install: remove them too
    for (let depth = arrayPath.length; depth >= 1; depth--) {
      const path = arrayPath.slice(0, depth);
      const value = valueAt({ text, file, path });
      const isEmpty = Array.isArray(value) ? value.length === 0 : isRecord(value) && Object.keys(value).length === 0;
      if (!isEmpty) break;
      text = removeAt({ text, file, path });
    }
  }
  if (!removedAny) return text;
  const rest = valueAt({ text, file, path: [] });
  const hasComments = /\/\/|\/\*/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
  if (!hasComments && sameJson(rest, spec.template)) return { delete: true };

  return text;
}
