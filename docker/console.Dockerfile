# Egress Control console: Next.js standalone output on Node 20.
# Build from the repository root:  docker build -f docker/console.Dockerfile -t egress-console .
# Runs against PostgreSQL (DATABASE_URL) — see docker/compose.yml. Migrations apply at start.

FROM node:20-bookworm-slim AS build
WORKDIR /repo
ENV NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 EGRESS_STANDALONE=1
COPY package.json package-lock.json .npmrc turbo.json ./
COPY apps ./apps
COPY packages ./packages
COPY prisma ./prisma
COPY e2e/package.json ./e2e/package.json
RUN npm ci --no-audit --no-fund
RUN npx turbo run build --filter=@egress/console --filter=egress-sync

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 \
    EGRESS_MIGRATIONS_DIR=/app/prisma/migrations
RUN groupadd --system egress && useradd --system --gid egress --home /app egress
# Standalone server (traced node_modules included), static assets, migrations, and the CLI bundle
# that the console offers for download to developer machines.
COPY --from=build --chown=egress:egress /repo/apps/console/.next/standalone ./
COPY --from=build --chown=egress:egress /repo/apps/console/.next/static ./apps/console/.next/static
COPY --from=build --chown=egress:egress /repo/prisma/migrations ./prisma/migrations
COPY --from=build --chown=egress:egress /repo/apps/cli/dist ./cli
USER egress
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "apps/console/server.js"]
