# syntax=docker/dockerfile:1
# An API server: dependencies in their own stage so source edits do not reinstall them.
ARG NODE_VERSION=22.12

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit