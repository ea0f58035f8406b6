# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended
# dockwise global ignore=missing-healthcheck

from debian:12-slim
# Everything the build needs, in one layer.
# hadolint ignore=DL3008
run apt-get update \
    # ca-certificates for TLS
    && apt-get install -y --no-install-recommends ca-certificates curl \
    \
    # keep the image small
    && rm -rf /var/lib/apt/lists/*

# dockwise ignore=consecutive-run
run mkdir -p /srv/app
run chown -R 1000:1000 /srv/app

# a comment between two RUNs
run echo one
# another one
run echo two

workdir /srv/app
user 1000
cmd /srv/app/run   # shell form on purpose
