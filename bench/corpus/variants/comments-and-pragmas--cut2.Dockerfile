# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended
# dockwise global ignore=missing-healthcheck

FROM debian:12-slim
# Everything the build needs, in one layer.
# hadolint ignore=DL3008
RUN apt-get update \
    # ca-certificates for TLS
    && apt-get install -y --no-install-recommends ca-certificates curl \
    \
    # keep the image small
    && rm -rf