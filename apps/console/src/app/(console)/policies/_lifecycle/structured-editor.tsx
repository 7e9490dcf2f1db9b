"use client";

import { useMemo } from "react";
import { AGENTS, DLP_RULE_IDS, parsePolicyDocument } from "@egress/policy";
import { getAt, setAt } from "./doc-path";
import { CheckboxField, FieldIssues, ListField, Section, SelectField, TextField } from "./fields";
import { toText, type TTextCheck } from "./json-lines";
import { RowsField } from "./rows-field";

type TProps = { check: TTextCheck; onText: (text: string) => void; isReadOnly: boolean };

const EMPTY = (() => {
  const parsed = parsePolicyDocument({ version: 1 });

  return parsed.ok ? parsed.policy : {};
})();

/** Structured forms for every part of the policy document, one section per top-level key. */
export function StructuredEditor({ check, onText, isReadOnly }: TProps) {
  const raw = check.value;
  const field = useMemo(
    () =>
      // `never` value / `unknown` setter: each field component states its own value type.
      (path: string, label: string, hint?: string) => ({
        path,
        label,
        hint,
        value: (getAt(raw, path) ?? getAt(EMPTY, path)) as never,
        onChange: (v: unknown) => onText(toText(setAt(raw, path, v))),
        issues: check.issues,
        isReadOnly,
      }),
    [raw, onText, check.issues, isReadOnly],
  );
  if (!check.isJson) {
    return (
      <div className="notice notice-warning" data-testid="structured-unavailable">
        The document is not valid JSON: fix it in the raw JSON view first ({check.issues[0]?.message} on line {check.issues[0]?.line}).
      </div>
    );
  }
  const dlpEnabled = getAt(raw, "dlp.enabled") ?? "all";

  return (
    <div data-testid="structured-editor">
      <FieldIssues path="(root)" issues={check.issues} />
      <Section title="General" description="Name, enforcement mode and how much devices log." testId="section-general">
        <TextField {...field("name", "Name")} />
        <SelectField {...field("mode", "Mode", "observe allows every call and records what enforce would deny")} options={["enforce", "observe"]} />
        <SelectField {...field("logLevel", "Log level", "0 none, 1 blocks, 2 every decision")} options={[0, 1, 2]} />
        <TextField {...field("description", "Description")} />
      </Section>
      <Section title="Hosts" description="Where URL-carrying tools and shell commands may connect." testId="section-hosts">
        <ListField {...field("hosts.allow", "Allowed hosts", "one per line: host, *.suffix or host:port")} />
        <ListField {...field("hosts.deny", "Denied hosts", "always denied, even if allowed above")} />
        <SelectField {...field("hosts.loopback", "Loopback (localhost)")} options={["allow", "deny"]} />
      </Section>
      <Section title="Tools" description="Tool names denied outright, tools that carry URLs, and web search." testId="section-tools">
        <ListField {...field("tools.deny", "Denied tools", "tool-name globs, e.g. mcp__*__delete_*")} />
        <ListField {...field("tools.urlTools", "URL tools", "tools whose URLs must all be allow-listed")} />
        <ListField {...field("tools.networkNameGlobs", "Network-sounding names", "denied unless a connector allows them")} />
        <SelectField {...field("tools.search", "Web search")} options={["allow", "deny"]} />
      </Section>
      <Section title="MCP connectors and local servers" description="Connectors allowed by tool glob, optionally scoped to resource owners." testId="section-mcp">
        <RowsField
          {...field("mcp.connectors", "Connectors")}
          columns={[
            { key: "name", label: "Name", kind: "text", placeholder: "github" },
            { key: "tools", label: "Tools (comma)", kind: "csv", placeholder: "mcp__github__*" },
            { key: "owners", label: "Owners (comma, empty = any)", kind: "csv", isOptional: true },
          ]}
          newRow={() => ({ name: "", tools: [] })}
        />
        <RowsField
          {...field("mcp.ownerScopes", "Owner scopes")}
          columns={[
            { key: "tools", label: "Tools (comma)", kind: "csv" },
            { key: "owners", label: "Owners (comma)", kind: "csv" },
          ]}
          newRow={() => ({ tools: [], owners: [] })}
        />
        <ListField {...field("mcp.connectorTools", "Connector tool classes", "tool globs that count as connectors")} />
        <ListField {...field("mcp.localServers", "Local MCP servers", "servers that never leave the machine")} />
        <SelectField {...field("mcp.unknownServers", "Unknown MCP servers")} options={["deny", "allow"]} />
      </Section>
      <Section title="Shell, git and gh" description="Network commands in shell calls, package registries, publishing and git/gh writes." testId="section-shell">
        <SelectField {...field("shell.network", "Shell network")} options={["allow-listed", "deny"]} />
        <SelectField {...field("shell.pipeToInterpreter", "Pipe to interpreter (curl | sh)")} options={["deny", "allow-listed"]} />
        <SelectField {...field("shell.downloadThenExecute", "Download then execute")} options={["deny", "allow-listed"]} />
        <ListField {...field("shell.registries", "Package registries")} />
        <ListField {...field("shell.publish", "Publish targets", "registries packages and images may be published to; empty = none")} />
        <ListField {...field("shell.git.writeOwners", "git/gh write owners", "empty = any owner")} />
        <ListField {...field("shell.git.writeHosts", "git write hosts", "empty = allowed hosts")} />
        <SelectField {...field("shell.git.reads", "git reads")} options={["allowed-hosts", "any"]} />
        <CheckboxField {...field("shell.git.denyServerSideMerge", "Deny server-side merges (gh pr merge)")} />
        <CheckboxField {...field("shell.git.denyPublicRepos", "Deny public repositories (create --public, visibility public)")} />
        <ListField {...field("shell.git.forgeApiHosts", "Forge API hosts")} />
      </Section>
      <Section title="Files and tamper protection" testId="section-files">
        <CheckboxField {...field("files.protectSensitive", "Protect credential files")} />
        <ListField {...field("files.extraSensitive", "Extra sensitive paths")} />
        <ListField {...field("tamper.protectedPaths", "Protected paths", "the guard's own config is always protected")} />
      </Section>
      <Section title="DLP" description="Secrets in outbound payloads." testId="section-dlp">
        <CheckboxField
          path="dlp.enabled"
          label="All built-in rules"
          value={dlpEnabled === "all"}
          issues={check.issues}
          isReadOnly={isReadOnly}
          onChange={(isAll) => onText(toText(setAt(raw, "dlp.enabled", isAll ? "all" : [...DLP_RULE_IDS])))}
        />
        {dlpEnabled === "all" ? null : <ListField {...field("dlp.enabled", "Enabled rule ids")} />}
        <RowsField
          {...field("dlp.custom", "Custom patterns")}
          columns={[
            { key: "id", label: "Id", kind: "text" },
            { key: "pattern", label: "Pattern", kind: "text" },
            { key: "keywords", label: "Keywords (comma)", kind: "csv", isOptional: true },
          ]}
          newRow={() => ({ id: "", pattern: "" })}
        />
        <ListField
          path="dlp.actions"
          label="Rule actions"
          hint="one per line: rule-id=warn or rule-id=deny"
          value={Object.entries((getAt(raw, "dlp.actions") ?? {}) as Record<string, string>).map(([k, v]) => `${k}=${v}`)}
          issues={check.issues}
          isReadOnly={isReadOnly}
          onChange={(lines) => onText(toText(setAt(raw, "dlp.actions", Object.fromEntries((lines ?? []).map((l) => l.split("=").map((s) => s.trim()))))))}
        />
      </Section>
      <Section title="Policy tests" description="Tool calls and the decision they must get; they run on every change and gate publishing." testId="section-tests">
        <RowsField
          {...field("tests", "Tests")}
          columns={[
            { key: "name", label: "Name", kind: "text" },
            { key: "agent", label: "Agent", kind: "select", options: AGENTS },
            { key: "expect", label: "Expect", kind: "select", options: ["allow", "deny"] },
            { key: "rule", label: "Rule (optional)", kind: "text", isOptional: true },
            { key: "input", label: "Hook input (JSON)", kind: "json" },
          ]}
          newRow={() => ({ name: "new test", agent: "claude-code", expect: "deny", input: { tool_name: "WebFetch", tool_input: { url: "https://example.org" } } })}
        />
      </Section>
    </div>
  );
}
