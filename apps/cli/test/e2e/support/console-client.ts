import type { TConsole } from "../../support/console";

// HTTP clients of a real console: the admin REST API (org API token) and the console's own tRPC
// API with a signed-in session (next-auth credentials sign-in over HTTP, like a browser does).

export type TAdminApi = {
  token: string;
  request: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: Record<string, unknown> }>;
  /** Replaces the draft of `scope` and publishes it; returns the new snapshot version */
  publish: (policy: unknown, scope?: string) => Promise<number>;
  /** A fresh enrollment token */
  enrollmentToken: (opts?: { maxUses?: number; scope?: string }) => Promise<string>;
};

/** A policy in the console's native format: enforce mode, these hosts allowed */
export function policyAllowing(hosts: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { version: 1, mode: "enforce", logLevel: 1, hosts: { allow: hosts }, ...extra };
}

export function adminApi(consoleUrl: string, token: string): TAdminApi {
  const request: TAdminApi["request"] = async (method, path, body) => {
    const response = await fetch(`${consoleUrl}/api/v1/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();

    return { status: response.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };

  return {
    token,
    request,
    publish: async (policy, scope = "default") => {
      const draft = await request("PUT", `/policies/${scope}/draft`, { document: policy });
      if (draft.status !== 200) throw new Error(`PUT draft: ${draft.status} ${JSON.stringify(draft.json)}`);
      const published = await request("POST", `/policies/${scope}/publish`, {});
      const snapshot = published.json.snapshot as { version: number } | null;
      if (published.status !== 201 || published.json.status !== "published" || !snapshot) throw new Error(`publish: ${published.status} ${JSON.stringify(published.json)}`);

      return snapshot.version;
    },
    enrollmentToken: async (opts = {}) => {
      const created = await request("POST", "/enrollment-tokens", { maxUses: opts.maxUses ?? 10, ...(opts.scope ? { scope: opts.scope } : {}) });
      if (created.status !== 201) throw new Error(`enrollment token: ${created.status} ${JSON.stringify(created.json)}`);

      return created.json.token as string;
    },
  };
}

export type TSession = {
  /** `GET /api/trpc/<path>?input=` — the procedure's output (superjson's `json` part) */
  query: <T = Record<string, unknown>>(path: string, input?: unknown, orgId?: string) => Promise<T>;
  /** `POST /api/trpc/<path>` with `{ json: input }` — the procedure's output */
  mutate: <T = Record<string, unknown>>(path: string, input?: unknown, orgId?: string) => Promise<T>;
};

function setCookies(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

/** Signs in with e-mail and password through next-auth's credentials endpoint, keeping the cookies */
export async function signIn(consoleHandle: Pick<TConsole, "url" | "admin">): Promise<TSession> {
  const { url } = consoleHandle;
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfResponse = await fetch(`${url}/api/auth/csrf`);
  setCookies(csrfResponse, jar);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email: consoleHandle.admin.email, password: consoleHandle.admin.password, callbackUrl: url, json: "true" });
  const callback = await fetch(`${url}/api/auth/callback/credentials`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() }, body: form, redirect: "manual" });
  setCookies(callback, jar);
  await callback.arrayBuffer();
  if (![...jar.keys()].some((name) => name.startsWith("next-auth.session-token"))) throw new Error(`sign-in failed: ${callback.status}, cookies ${[...jar.keys()].join(",")}`);

  const call = async <T>(method: "GET" | "POST", path: string, input: unknown, orgId: string | undefined): Promise<T> => {
    const headers: Record<string, string> = { cookie: cookie(), origin: url, ...(orgId ? { "x-egress-org": orgId } : {}) };
    const query = method === "GET" && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify({ json: input }))}` : "";
    const response = await fetch(`${url}/api/trpc/${path}${query}`, {
      method,
      headers: method === "POST" ? { ...headers, "content-type": "application/json" } : headers,
      ...(method === "POST" ? { body: JSON.stringify({ json: input ?? null }) } : {}),
    });
    const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
    if (!response.ok || !body.result) throw new Error(`tRPC ${path}: ${response.status} ${JSON.stringify(body.error ?? body)}`);

    return body.result.data.json;
  };

  return { query: (path, input, orgId) => call("GET", path, input, orgId), mutate: (path, input, orgId) => call("POST", path, input, orgId) };
}
