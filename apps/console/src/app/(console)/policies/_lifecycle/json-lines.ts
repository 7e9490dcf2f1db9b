import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { parsePolicyDocument, type TPolicyIssue } from "@egress/policy";

/** A problem of the raw JSON text, placed on a 1-based line. */
export type TLineIssue = { line: number; path: string; message: string };

/** Result of checking the editor's text: the parsed value (if JSON) and every problem with its line. */
export type TTextCheck = { value: unknown; isJson: boolean; isValid: boolean; issues: TLineIssue[] };

const lineAt = (text: string, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;

  return line;
};

/** The deepest node of `path` that exists (a missing key points at its parent object). */
function nodeForPath(root: Node, path: string): Node {
  if (path === "(root)" || path === "") return root;
  const segments = path.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (let n = segments.length; n > 0; n--) {
    const node = findNodeAtLocation(root, segments.slice(0, n));
    if (node) return node.parent?.type === "property" ? node.parent : node;
  }

  return root;
}

/** The line of a schema error path (`hosts.allow.3`) in `text`. */
export function lineOfPath(text: string, path: string): number {
  const root = parseTree(text);

  return root ? lineAt(text, nodeForPath(root, path).offset) : 1;
}

/** Places schema issues on lines of `text`. */
export function issuesToLines(text: string, issues: TPolicyIssue[]): TLineIssue[] {
  const root = parseTree(text);

  return issues.map((issue) => ({ ...issue, line: root ? lineAt(text, nodeForPath(root, issue.path).offset) : 1 }));
}

/** Checks the raw text: JSON syntax first (with positions), then the policy schema. */
export function checkPolicyText(text: string): TTextCheck {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !root) {
    const issues = errors.map((e) => ({ line: lineAt(text, e.offset), path: "(json)", message: `json syntax: ${printParseErrorCode(e.error)}` }));

    return { value: undefined, isJson: false, isValid: false, issues: issues.length > 0 ? issues : [{ line: 1, path: "(json)", message: "json syntax: empty document" }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { value: undefined, isJson: false, isValid: false, issues: [{ line: 1, path: "(json)", message: "json syntax: not valid JSON" }] };
  }
  const parsed = parsePolicyDocument(value);
  if (parsed.ok) return { value, isJson: true, isValid: true, issues: [] };

  return { value, isJson: true, isValid: false, issues: issuesToLines(text, parsed.errors) };
}

/** The canonical text of a document in the editor. */
export const toText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
