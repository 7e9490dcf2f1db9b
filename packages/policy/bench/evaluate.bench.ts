/**
 * Decisions per second in-process for a URL call (WebFetch) against policies with 100, 10k and
 * 100k allow-listed hosts. Prints figures and the 100k/100 ratio; asserts nothing.
 */
import { compilePolicy, defaultPolicyDocument, evaluate, parseHookInput, type TNormalizedCall, type TPolicyDocument } from "../src/index.js";

function policyWith(n: number): TPolicyDocument {
  const p = defaultPolicyDocument();
  const hosts: string[] = ["github.com"];
  for (let i = 0; i < n - 1; i++) hosts.push(i % 3 === 0 ? `*.svc${i}.example.com` : `host${i}.example${i % 97}.org`);
  p.hosts.allow = hosts;
  return p;
}

/** A WebFetch call whose host matches `*.svc3.example.com` (label walk) — or is denied. */
function webFetch(url: string): TNormalizedCall {
  const raw = JSON.stringify({ session_id: "s", cwd: "/w", hook_event_name: "PreToolUse", tool_name: "WebFetch", tool_input: { url, prompt: "list the open pull requests" }, tool_use_id: "t" });
  const parsed = parseHookInput("claude-code", raw);
  if (!parsed.ok) throw new Error("bench input did not parse");
  return parsed.call;
}
const allowed = webFetch("https://api.eu.svc3.example.com/repos/acme/app/pulls?state=open");
const denied = webFetch("https://api.github.com.evil.example.net/upload?d=1");

/** Best-of-N decisions/s per policy, rounds interleaved across policies so load spikes hit all alike. */
function measureAll(sizes: number[], call: TNormalizedCall, expected: "allow" | "deny"): number[] {
  const compiled = sizes.map((n) => compilePolicy(policyWith(n)));
  for (const c of compiled) {
    const d = evaluate(call, c);
    if (d.effect !== expected) throw new Error(`bench call got ${d.effect}, expected ${expected}`);
    for (let i = 0; i < 20_000; i++) evaluate(call, c);
  }
  const best = sizes.map(() => 0);
  for (let round = 0; round < 12; round++) {
    compiled.forEach((c, k) => {
      const iterations = 100_000;
      const t0 = performance.now();
      for (let i = 0; i < iterations; i++) evaluate(call, c);
      best[k] = Math.max(best[k] ?? 0, iterations / ((performance.now() - t0) / 1000));
    });
  }
  return best;
}

const fmt = (x: number): string => Math.round(x).toLocaleString("en-US");
const sizes = [100, 10_000, 100_000];
const allowRates = measureAll(sizes, allowed, "allow");
const denyRates = measureAll(sizes, denied, "deny");
const results = sizes.map((n, k) => ({ hosts: n, perSecond: allowRates[k] ?? 0, denyPerSecond: denyRates[k] ?? 0 }));
for (const r of results) console.log(`${String(r.hosts).padStart(7)} allow-listed hosts: ${fmt(r.perSecond)} decisions/s (allowed URL), ${fmt(r.denyPerSecond)}/s (denied URL)`);
{
  // Cold path: a fresh call every time (parseHookInput + evaluate, nothing memoized).
  const compiled = compilePolicy(policyWith(10_000));
  const raw = JSON.stringify({ tool_name: "WebFetch", tool_input: { url: "https://api.eu.svc3.example.com/x", prompt: "p" } });
  const iterations = 50_000;
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    const p = parseHookInput("claude-code", raw);
    if (p.ok) evaluate(p.call, compiled);
  }
  console.log(`  cold (parseHookInput + evaluate, 10k hosts): ${fmt(iterations / ((performance.now() - t0) / 1000))} calls/s`);
}
const ratio = (results[0]?.perSecond ?? 1) / (results[2]?.perSecond ?? 1);
console.log(`time ratio 100k/100: ${ratio.toFixed(2)} (target ≤ 1.5); 10k: ${(results[1]?.perSecond ?? 0) >= 1_000_000 ? "meets" : "below"} 1,000,000/s`);
