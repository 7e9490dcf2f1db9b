/** Parses a shell script into a bash-parser AST (lazily loaded on first use). */
export declare function loadBashParser(): (source: string, options?: { mode?: "bash" | "posix" }) => unknown;
