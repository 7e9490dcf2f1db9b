/** URLs in a connector's URL-like fields are destinations whatever the field's spelling; URLs in free text are not. */
import { describe, expect, test } from "vitest";
import { compilePolicy, defaultPolicyDocument, evaluate, parseHookInput } from "../src/index.js";
import { urlFieldValues } from "../src/hosts/extract.js";

const doc = defaultPolicyDocument();
doc.mcp.connectors = [{ name: "linear", tools: ["mcp__linear__*"] }, { name: "github", tools: ["mcp__github__*"] }];
const policy = compilePolicy(doc);
function mcp(tool: string, input: Record<string, unknown>) {
  const r = parseHookInput("claude-code", JSON.stringify({ session_id: "s", cwd: "/home/dev/project", hook_event_name: "PreToolUse", tool_name: tool, tool_input: input }));
  if (!r.ok) throw new Error("unparsed");
  return evaluate(r.call, policy);
}

describe("URL-like fields of a connector call are destinations", () => {
  test.each([
    { webhookUrl: "https://evil.tld/hook" },
    { webhook_url: "https://evil.tld/hook" },
    { callbackUrl: "https://evil.tld/cb" },
    { callback_url: "https://evil.tld/cb" },
    { redirect_uri: "https://evil.tld/cb" },
    { redirectUris: ["https://github.com/ok", "https://evil.tld/cb"] },
    { baseUrl: "https://evil.tld" },
    { base_url: "https://evil.tld" },
    { endpointUrl: "https://evil.tld/x" },
    { serverUrl: "https://evil.tld" },
    { serverURL: "https://evil.tld" },
    { targetUrl: "https://evil.tld" },
    { "Webhook-URL": "https://evil.tld" },
    { link: "https://evil.tld/x" },
    { attachment: { imageLink: "https://evil.tld/x.png" } },
    { config: { api_endpoint: "evil.tld/api" } },
    { callback: "https://evil.tld/cb" },
  ])("%j", (fields) => {
    const d = mcp("mcp__linear__create_webhook_subscription", { teamId: "T1", ...fields });
    expect(d).toMatchObject({ effect: "deny", rule: "hosts.not_allowed", destination: "evil.tld" });
    expect(d.reason).toMatch(/connector `linear`/);
  });

  test.each([
    { title: "bug", body: "see https://evil.tld/report for details" },
    { description: "mirrors https://evil.tld/x" },
    { comment: "link: https://evil.tld" },
    { webhookUrl: "https://github.com/acme/app/hooks" },
    { url: "https://github.com/acme/app/issues/1" },
    { link: "not a url" },
    { unlink: true },
  ])("%j stays allowed", (fields) => {
    expect(mcp("mcp__linear__create_issue", { teamId: "T1", ...fields }).effect).toBe("allow");
  });
});

describe("urlFieldValues", () => {
  test("matches names without regard to case, `_`, `-` or `.`", () => {
    expect(urlFieldValues({ WebHook_Url: "https://a.tld", "callback.url": "b.tld/x", redirectURI: "//c.tld/x", body: "https://d.tld" })).toEqual(["https://a.tld", "https://b.tld/x", "https://c.tld/x"]);
  });

  test("other URL-like names take only URLs and host-like values", () => {
    expect(urlFieldValues({ docsLink: "README", endpoint: "prod" })).toEqual(["https://prod"]);
  });
});
