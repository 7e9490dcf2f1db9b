import { describe, expect, it } from "vitest";

import { compileDlp, redactText, scanText } from "../../src/dlp";
import { falsePositiveCorpus, keywordFreeText } from "./support/corpus";
import { createGen } from "./support/gen";

const SIZE = 100 * 1024;

function time(label: string, run: () => unknown, repeat = 5): number {
  run();
  const start = performance.now();
  for (let i = 0; i < repeat; i++) run();
  const ms = (performance.now() - start) / repeat;
  console.log(`[dlp perf] ${label}: ${ms.toFixed(2)} ms`);

  return ms;
}

// Timings are printed, not asserted: CI machines vary. The one assertion is a hang guard
describe("scan performance (printed)", () => {
  const dlp = compileDlp();
  const g = createGen(99);

  it("scans 100 KB payloads with and without keywords", () => {
    const plain = keywordFreeText(SIZE);
    let code = falsePositiveCorpus(4000).join("\n").slice(0, SIZE);
    code = code.slice(0, SIZE - 200) + ` ghp_${g.an(36)} AKIA${g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}`;
    time("compileDlp (all rules)", () => compileDlp(), 20);
    time("scanText 100 KB without keywords", () => scanText(plain, dlp));
    time("scanText 100 KB code/config/logs with keywords", () => scanText(code, dlp));
    time("redactText 100 KB code/config/logs with keywords", () => redactText(code, dlp));
    expect(scanText(code, dlp).map((f) => f.ruleId)).toEqual(["github-pat", "aws-access-token"]);
  });

  it("stays linear on adversarial input", () => {
    const adversarial = [
      `curl ${"a".repeat(SIZE)}`,
      `-----BEGIN RSA PRIVATE KEY-----${"A".repeat(SIZE)}`,
      `eyJ${"a".repeat(SIZE / 2)}.eyJ${"b".repeat(SIZE / 2)}`,
      `postgres://${"u".repeat(120)}:${"p:".repeat(SIZE / 2)}`,
      `${"DATADOG_API_KEY=".repeat(SIZE / 16)}`,
      `https://${"a".repeat(SIZE)}`,
      `"password":"${"x\\".repeat(SIZE / 2)}`,
    ];
    for (const [i, text] of adversarial.entries()) {
      const ms = time(`adversarial #${i} (${Math.round(text.length / 1024)} KB) redactText`, () => redactText(text, dlp), 1);
      expect(ms).toBeLessThan(5000);
    }
  });
});
