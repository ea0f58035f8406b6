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
    && rm -rf /var/lib/apt/lists/*

# dockwise ignore=consecutive-run
RUN mkdir -p /srv/app
RUN chown -R 1000:1000 /srv/app

# a comment between two RUNs
RUN echo one
# another one
RUN echo two

WORKDIR /srv/app
USER 1000
CMD /srv/app/run   # shell form on purpose
