import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getKek, getKekFilePath } from "../../src/services/keys/kek";

describe("getKek", () => {
  it("uses EGRESS_KEK (base64 or hex) and never echoes a bad value", () => {
    const key = randomBytes(32);
    expect(getKek({ env: { EGRESS_KEK: key.toString("base64") } }).equals(key)).toBe(true);
    expect(getKek({ env: { EGRESS_KEK: key.toString("hex") } }).equals(key)).toBe(true);
    expect(() => getKek({ env: { EGRESS_KEK: "not-a-key-secret-value" } })).toThrow(/EGRESS_KEK/);
    try {
      getKek({ env: { EGRESS_KEK: "not-a-key-secret-value" } });
    } catch (error) {
      expect((error as Error).message).not.toContain("not-a-key-secret-value");
    }
  });

  it("refuses to generate a key on PostgreSQL: every instance must share EGRESS_KEK", () => {
    expect(() => getKek({ env: { DATABASE_URL: "postgresql://u@db:5432/egress" } })).toThrow(/`EGRESS_KEK` is required with PostgreSQL/);
  });

  it("on the embedded database generates one key beside the data directory (mode 0600), warns once, and reuses it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "egress-kek-"));
    const env = { PGLITE_DIR: path.join(dir, "pglite") };
    const logs: string[] = [];
    const first = getKek({ env, log: (m) => logs.push(m) });
    const second = getKek({ env, log: (m) => logs.push(m) });
    const file = getKekFilePath(env);
    expect(file).toBe(path.join(dir, "kek"));
    expect(first.equals(second)).toBe(true);
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/WARNING.*EGRESS_KEK.*production/);
    expect(logs[0]).not.toContain(readFileSync(file, "utf8").trim());
  });
});
