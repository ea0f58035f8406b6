# syntax=docker/dockerfile:1
FROM	--platform=$BUILDPLATFORM golang:1.23-alpine AS build
ARG	TARGETOS TARGETARCH
WORKDIR	/src
RUN	--mount=type=cache,target=/go/pkg/mod \
	--mount=type=bind,source=go.sum,target=go.sum \
	--mount=type=bind,source=go.mod,target=go.mod \
	go	mod download -x
RUN	--mount=type=cache,target=/go/pkg/mod \
	--mount=type=bind,target=. \
	CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server

FROM	gcr.io/distroless/static-debian12:nonroot
COPY	--from=build /out/server /server
EXPOSE	9000
ENTRYPOINT	["/server"]
