# syntax=docker/dockerfile:1
FROM node:22-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \
    --mount=type=cache,target=/root/.npm \
    npm ci
RUN --mount=type=cache,target=/root/.npm npm cache verify
RUN --mount=type=cache,target=/root/.npm npm ls --depth=0
RUN --mount=type=ssh git clone git@github.com:example/private.git /opt/private
RUN --network=none node -e "require('./package.json')"

FROM deps AS test
RUN --mount=type=bind,from=deps,source=/app/node_modules,target=/app/node_modules npm test

FROM gcr.io/distroless/nodejs22-debian12
COPY --from=deps /app /app
WORKDIR /app
CMD ["server.js"]
