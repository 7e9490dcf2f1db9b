import { describe, expect, it } from "vitest";

import { compileDlp, scanText } from "../../src/dlp";
import { falsePositiveCorpus, keywordFreeText } from "./support/corpus";

const dlp = compileDlp();

describe("false-positive corpus", () => {
  it("finds nothing in a few hundred lines of ordinary code, config, logs and prose", () => {
    for (const seed of [1, 2, 3]) {
      const lines = falsePositiveCorpus(400, seed);
      const noisy = lines.flatMap((line) => scanText(line, dlp).map((f) => `${f.ruleId}: ${line.slice(f.start, f.end)} in ${line}`));
      expect(noisy).toEqual([]);
      expect(scanText(lines.join("\n"), dlp)).toEqual([]);
    }
  });

  it("finds nothing in keyword-free text", () => {
    expect(scanText(keywordFreeText(20_000), dlp)).toEqual([]);
  });
});
