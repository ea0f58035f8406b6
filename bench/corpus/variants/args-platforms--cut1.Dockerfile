ARG REGISTRY=docker.io
ARG BASE_IMAGE=library/alpine
ARG BASE_TAG=3.21
FROM --platform=$BUILDPLATFORM ${REGISTRY}/${BASE_IMAGE}:${BASE_TAG} AS fetch
ARG TARGETARCH
ARG VERSION=1.7.3
RUN apk add --no-cache curl \
    && curl -fsSLo /tmp/tool.tgz "https://example.com/tool/v${VERS