# syntax=docker/dockerfile:1
# An API server: dependencies in their own stage so source edits do not reinstall them.
arg NODE_VERSION=22.12

from node:${NODE_VERSION}-bookworm-slim AS deps
workdir /app
copy package.json package-lock.json ./
run --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev

from node:${NODE_VERSION}-bookworm-slim AS build
workdir /app
copy package.json package-lock.json ./
run --mount=type=cache,target=/root/.npm npm ci
copy tsconfig.json ./
copy src ./src
run npm run build
run npm prune --omit=dev

from node:${NODE_VERSION}-bookworm-slim
env NODE_ENV=production
workdir /app
copy --from=deps --chown=node:node /app/node_modules ./node_modules
copy --from=build --chown=node:node /app/dist ./dist
user node
expose 8080
healthcheck --interval=30s --timeout=3s CMD ["node", "dist/health.js"]
cmd ["node", "dist/main.js"]
