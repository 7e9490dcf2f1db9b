import { QueryClient } from "@tanstack/react-query";

/** A query client for the console: short stale time, no retries on client errors (4xx are final). */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (failureCount, error) => {
          const status = (error as { data?: { httpStatus?: number } }).data?.httpStatus;

          return !(status && status < 500) && failureCount < 2;
        },
      },
    },
  });
}
