# syntax=docker/dockerfile:1
#
# The GraphQL API alone. It needs a Neo4j 5.26 with APOC, named by NEO4J_URI (see docker-compose.yml):
# the image carries no Java, so without NEO4J_URI the app cannot start its local Neo4j and exits.

# ---- build: all deps, compile TypeScript to dist/ ---------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci's postinstall applies these to node_modules (see patches/README.md).
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The browser pages (GraphiQL, the explorer): vite builds them into dist/web during `npm run build`.
COPY web ./web
# tsc -p tsconfig.build.json: rootDir "." + outDir "dist" => dist/src/index.js
RUN npm run build

# ---- runtime: production deps, the compiled JS, and the files the app reads at run time ---------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# Read relative to the repo root (REPO_ROOT = /app): migrations at start-up, the article seed on an empty graph.
COPY schema ./schema
COPY seeds ./seeds
# Everything above stays root-owned and read-only for the process.
USER node
EXPOSE 4000
# No curl in slim images: ask node itself. /healthz is 200 only while the database is reachable.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The built JS directly: `npm start` would rebuild first (prestart), and npm does not forward signals well.
# The young generation's bound is the one `npm start` gives (src/server/heap.ts).
CMD ["node", "--max-semi-space-size=8", "dist/src/index.js"]
