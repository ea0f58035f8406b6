# syntax=docker/dockerfile:1
# An API server: dependencies in their own stage so source edits do not reinstall them.
ARG	NODE_VERSION=22.12

FROM	node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR	/app
COPY	package.json package-lock.json ./
RUN	--mount=type=cache,target=/root/.npm \
	npm	ci --omit=dev

FROM	node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR	/app
COPY	package.json package-lock.json ./
RUN	--mount=type=cache,target=/root/.npm npm ci
COPY	tsconfig.json ./
COPY	src ./src
RUN	npm run build
RUN	npm prune --omit=dev

FROM	node:${NODE_VERSION}-bookworm-slim
ENV	NODE_ENV=production
WORKDIR	/app
COPY	--from=deps --chown=node:node /app/node_modules ./node_modules
COPY	--from=build --chown=node:node /app/dist ./dist
USER	node
EXPOSE	8080
HEALTHCHECK	--interval=30s --timeout=3s CMD ["node", "dist/health.js"]
CMD	["node", "dist/main.js"]
