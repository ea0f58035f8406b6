arg REGISTRY=docker.io
arg BASE_IMAGE=library/alpine
arg BASE_TAG=3.21
from --platform=$BUILDPLATFORM ${REGISTRY}/${BASE_IMAGE}:${BASE_TAG} AS fetch
arg TARGETARCH
arg VERSION=1.7.3
run apk add --no-cache curl \
    && curl -fsSLo /tmp/tool.tgz "https://example.com/tool/v${VERSION}/tool-linux-${TARGETARCH}.tgz" \
    && tar -xzf /tmp/tool.tgz -C /usr/local/bin \
    && rm /tmp/tool.tgz

from ${REGISTRY}/${BASE_IMAGE}:${BASE_TAG}
env TOOL_HOME=/opt/tool TOOL_CACHE=${TOOL_HOME}/cache
copy --from=fetch /usr/local/bin/tool /usr/local/bin/tool
run adduser -D -u 1000 tool && mkdir -p ${TOOL_CACHE} && chown tool ${TOOL_CACHE}
user tool
entrypoint ["tool"]
