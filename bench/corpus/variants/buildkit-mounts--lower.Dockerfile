# syntax=docker/dockerfile:1
from node:22-slim AS deps
workdir /app
copy package.json package-lock.json .npmrc ./
run --mount=type=secret,id=npm_token,env=NPM_TOKEN \
    --mount=type=cache,target=/root/.npm \
    npm ci
run --mount=type=cache,target=/root/.npm npm cache verify
run --mount=type=cache,target=/root/.npm npm ls --depth=0
run --mount=type=ssh git clone git@github.com:example/private.git /opt/private
run --network=none node -e "require('./package.json')"

from deps AS test
run --mount=type=bind,from=deps,source=/app/node_modules,target=/app/node_modules npm test

from gcr.io/distroless/nodejs22-debian12
copy --from=deps /app /app
workdir /app
cmd ["server.js"]
