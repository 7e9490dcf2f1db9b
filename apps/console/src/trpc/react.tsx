"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { ACTIVE_ORG_COOKIE, ORG_HEADER } from "@/lib/constants";
import type { AppRouter } from "@/server/trpc/app-router";
import { createQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;

function getQueryClient() {
  if (typeof window === "undefined") return createQueryClient();
  browserQueryClient ??= createQueryClient();

  return browserQueryClient;
}

/** The active org id from its cookie (not secret; the server checks membership). */
function readActiveOrg(): string | undefined {
  if (typeof document === "undefined") return undefined;
  const entry = document.cookie.split("; ").find((part) => part.startsWith(`${ACTIVE_ORG_COOKIE}=`));

  return entry ? decodeURIComponent(entry.slice(ACTIVE_ORG_COOKIE.length + 1)) : undefined;
}

/** Provides React Query and the typed tRPC client to client components. */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: "/api/trpc",
          transformer: superjson,
          headers() {
            const org = readActiveOrg();

            return org ? { [ORG_HEADER]: org } : {};
          },
        }),
      ],
    }),
  );

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** A message safe to show for a failed call: the server's own (already safe) message, or a generic one. */
export function describeError(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as { zodError?: { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | null } | undefined;
    const fieldErrors = Object.entries(data?.zodError?.fieldErrors ?? {}).flatMap(([field, messages]) => (messages ?? []).map((m) => `${field}: ${m}`));
    if (fieldErrors.length > 0) return fieldErrors.join("; ");

    return error.message;
  }

  return "something went wrong: try again";
}
