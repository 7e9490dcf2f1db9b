import type { TMatrixCase, TMatrixCases } from "./types";

// Written out per role (see cases.ts): reading policies is for every member; the impact preview
// shows devices and users, so it needs events.read (developers do not have it).
const READERS: TMatrixCase["expected"] = { owner: "allow", admin: "allow", reviewer: "allow", developer: "allow", viewer: "allow" };
const EVENT_READERS: TMatrixCase["expected"] = { owner: "allow", admin: "allow", reviewer: "allow", developer: "FORBIDDEN", viewer: "allow" };

const WEB_FETCH = JSON.stringify({ hook_event_name: "PreToolUse", tool_name: "WebFetch", tool_input: { url: "https://github.com/acme" } });

/**
 * Matrix rows for `policyTools.*` (read-only lifecycle tools). Merge into MATRIX_CASES in cases.ts
 * once `policyTools: policyToolsRouter` is wired into appRouter.
 */
export const POLICY_TOOLS_CASES: TMatrixCases = {
  "policyTools.scopes": { expected: READERS, input: () => undefined },
  "policyTools.diff": { expected: READERS, input: () => ({ scope: "default" }) },
  "policyTools.impact": { expected: EVENT_READERS, input: () => ({ scope: "default", days: 7 }) },
  "policyTools.tryCall": { expected: READERS, input: () => ({ scope: "default", agent: "claude-code", raw: WEB_FETCH }) },
  "policyTools.runTests": { expected: READERS, input: () => ({ scope: "default" }) },
  "policyTools.export": { expected: READERS, input: () => ({ scope: "default", ref: { type: "draft" } }) },
  "policyTools.schema": { expected: READERS, input: () => undefined },
};
