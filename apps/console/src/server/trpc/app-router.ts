// Type-only bridge so browser code can name the router type without importing @egress/api.
export type { AppRouter } from "@egress/api";
