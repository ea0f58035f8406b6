# syntax=docker/dockerfile:1
from --platform=$BUILDPLATFORM golang:1.23-alpine AS build
arg TARGETOS TARGETARCH
workdir /src
run --mount=type=cache,target=/go/pkg/mod \
    --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    go mod download -x
run --mount=type=cache,target=/go/pkg/mod \
    --mount=type=bind,target=. \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server

from gcr.io/distroless/static-debian12:nonroot
copy --from=build /out/server /server
expose 9000
entrypoint ["/server"]
