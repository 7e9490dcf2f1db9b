import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "@egress/api";
import { createConsoleContext } from "./context";

/** A tRPC caller for server components: same procedures, same checks, no HTTP hop. */
export const getServerCaller = cache(async () => {
  const ctx = await createConsoleContext({ headers: new Headers(await headers()) });

  return createCaller(ctx);
});
