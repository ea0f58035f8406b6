ARG REGISTRY=docker.io
ARG BASE_IMAGE=library/alpine
ARG BASE_TAG=3.21
FROM --platform=$BUILDPLATFORM ${REGISTRY}/${BASE_IMAGE}:${BASE_TAG} AS fetch
ARG TARGETARCH
ARG VERSION=1.7.3
    && curl -fsSLo /tmp/tool.tgz "https://example.com/tool/v${VERSION}/tool-linux-${TARGETARCH}.tgz" \
    && tar -xzf /tmp/tool.tgz -C /usr/local/bin \
    && rm /tmp/tool.tgz

FROM ${REGISTRY}/${BASE_IMAGE}:${BASE_TAG}
ENV TOOL_HOME=/opt/tool TOOL_CACHE=${TOOL_HOME}/cache
COPY --from=fetch /usr/local/bin/tool /usr/local/bin/tool
RUN adduser -D -u 1000 tool && mkdir -p ${TOOL_CACHE} && chown tool ${TOOL_CACHE}
USER tool
ENTRYPOINT ["tool"]
