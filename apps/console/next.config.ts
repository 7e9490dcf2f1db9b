import path from "node:path";
import type { NextConfig } from "next";

/**
 * Headers that do not depend on the request. The Content-Security-Policy (with a per-request nonce)
 * is set in `src/proxy.ts`; these apply to every response, static assets included.
 */
const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // The Docker image runs the traced standalone server; `npm start` runs `next start`, which does not
  // support standalone output (it would warn on every start).
  // Trace from the repository root so the standalone server finds the workspace packages.
  outputFileTracingRoot: path.join(import.meta.dirname, "../.."),
  output: process.env.EGRESS_STANDALONE === "1" ? "standalone" : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
  // The workspace packages export TypeScript source.
  transpilePackages: ["@egress/api", "@egress/contracts", "@egress/db", "@egress/policy", "@egress/snapshot"],
  // Loaded with Node's require at run time instead of bundled: PGlite reads its .wasm/.data files
  // relative to its own module path; argon2 is a native addon.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2"],
  // `tsc -p apps/console` and eslint run as their own tasks.
  typescript: { ignoreBuildErrors: false },
  // @egress/policy writes its relative imports as `./x.js` (TypeScript ESM style) for `./x.ts`.
  // Turbopack in Next 16.4 cannot map those (vercel/next.js#82945), so the build uses webpack,
  // which can: `next build --webpack`.
  // In the browser bundle, node built-ins that shared packages only touch on the server (the shell
  // parser's grammar loader) resolve to nothing.
  webpack(config: { resolve: { extensionAlias?: Record<string, string[]>; fallback?: Record<string, false | string> } }, { isServer }: { isServer: boolean }) {
    config.resolve.extensionAlias = { ".js": [".ts", ".tsx", ".js"], ".mjs": [".mts", ".mjs"] };
    if (!isServer) config.resolve.fallback = { ...config.resolve.fallback, fs: false, path: false };

    return config;
  },
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
