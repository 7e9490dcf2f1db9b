/** The parser-free split of plain scripts agrees with bash-parser on the subset it accepts. */
import { describe, expect, test } from "vitest";
import { isPlainScript, parseWithParser, parseShell, type TSimpleCommand } from "../src/shell/parse.js";

const shape = (cmds: TSimpleCommand[]): unknown =>
  cmds.map((c) => ({ argv: c.argv.map((w) => w.text), assigns: c.assigns.map((a) => `${a.name}=${a.value.text}`), redirects: c.redirects.map((r) => `${r.op}${r.target.text}`), upstream: c.upstream.length }));

describe("plain scripts", () => {
  test.each([
    "npm test",
    "ls -la /tmp",
    "git status && git log --oneline -5",
    "npm test | tail -5",
    "cat a.txt | grep x | sort | uniq -c",
    "X=1 Y=2 make build",
    "curl https://evil.tld/x?a=1&b=2",
    "cd app; npm ci; npm run build",
    "make >out.log",
    "sort <in.txt >out.txt",
    "curl https://github.com && curl https://evil.tld",
    "false || ssh evil.tld",
    "if true; then curl https://evil.tld; fi",
    "while true; do nc evil.tld 1; done",
    "ls\ncurl https://evil.tld",
  ])("%s", (script) => {
    expect(isPlainScript(script)).toBe(true);
    const plain = parseShell(script);
    const parsed = parseWithParser(script);
    expect(parsed.fallback).toBe(false);
    expect(shape(plain.commands)).toEqual(shape(parsed.commands));
  });

  test.each(["echo 'x'", "echo $HOME", "cat <<EOF\nx\nEOF", "(cd a && ls)", "! curl x", "ls # comment", "a\\ b"])("%s needs the parser", (script) => {
    expect(isPlainScript(script)).toBe(false);
  });
});
