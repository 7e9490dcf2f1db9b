/** The substring pre-filter of isSensitivePath never hides a path the full match accepts. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isSensitivePath, matchesSensitivePath } from "../src/shell/guards.js";

const SEGMENTS = [
  ".ssh", ".SSH", ".aws", ".gnupg", ".config", "gcloud", "op", ".kube", "config", ".docker", "config.json", ".azure", ".oci", ".password-store", ".anthropic", ".claude", ".tokens",
  ".env", ".ENV", ".env.local", ".env.example", ".npmrc", ".pypirc", ".netrc", "_netrc", ".git-credentials", ".pgpass", ".my.cnf", "id_rsa", "ID_ED25519", "id_ecdsa_sk.x", "id_rsa.pub", "known_hosts",
  "server.key", "cert.P12", "a.pfx", "b.jks", "c.keystore", "credentials", "credentials.json", "my-private_key.pem", "key.pem", "tls-key.pem", "cert.pem",
  "gh", "hosts.yml", ".credentials.json", "auth.json", "oauth_creds.json", "github-copilot", "apps.json", ".cargo", "credentials.toml", ".gem", ".terraform.d", "credentials.tfrc.json", ".vault-token", ".m2", "settings.xml", ".envrc", "hub", ".boto", ".s3cfg", "proc", "self", "environ", "rclone", "rclone.conf", ".AWS",
  "src", "docs", "notes.txt", "README.md", "x", "*", "?", "[s]", ".ss?", "id_*", ".e[n]v", "cred*", "*.pem", "a[b",
];
const PREFIXES = ["", "~/", "$HOME/", "${HOME}/", "/home/dev/", "/Users/me/", "./", "../", "/root/", "/"];

describe("sensitive path pre-filter", () => {
  test("agrees with the full match on generated paths", () => {
    let sensitive = 0;
    fc.assert(
      fc.property(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 4 }), (prefix, segments) => {
        const path = prefix + segments.join("/");
        const full = matchesSensitivePath(path);
        if (full) sensitive++;
        expect(isSensitivePath(path)).toBe(full);
      }),
      { numRuns: 20_000 },
    );
    // Not vacuous: many generated paths are credentials.
    expect(sensitive).toBeGreaterThan(5_000);
  });

  test("agrees with the full match on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (path) => {
        expect(isSensitivePath(path)).toBe(matchesSensitivePath(path));
      }),
      { numRuns: 20_000 },
    );
  });
});
