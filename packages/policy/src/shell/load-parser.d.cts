import type { ParsedScript, SyntaxNode } from "unbash";

/** Parses a shell script into an unbash AST (the module is loaded lazily, on first use). */
export declare function loadShellParser(): (source: string) => ParsedScript;

/** unbash's `forEachChild`: visits the direct children of a node, resolving lazy substitution scripts. */
export declare function loadShellVisitor(): (node: SyntaxNode, callback: (child: SyntaxNode) => void) => void;
