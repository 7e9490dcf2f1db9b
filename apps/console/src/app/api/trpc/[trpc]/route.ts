import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@egress/api";
import { getEnv } from "@/env";
import { checkSameOrigin } from "@/server/security/same-origin";
import { createConsoleContext } from "@/server/trpc/context";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  // Mutations are POSTs: refuse any that another site's page could have sent (CSRF).
  if (req.method !== "GET") {
    const allowedOrigins = [new URL(getEnv().NEXTAUTH_URL).origin, new URL(req.url).origin];
    const check = checkSameOrigin({ headers: req.headers, allowedOrigins });
    if (!check.isAllowed) {
      const body = { error: { message: check.reason, code: -32003, data: { code: "FORBIDDEN", httpStatus: 403 } } };

      return Response.json(body, { status: 403 });
    }
  }

  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createConsoleContext({ headers: req.headers }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`trpc: internal error on \`${path ?? "?"}\`:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
