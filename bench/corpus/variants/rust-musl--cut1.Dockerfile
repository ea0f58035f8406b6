FROM rust:1.83-alpine AS build
RUN apk add --no-cache musl-dev=1.2.5-r0 openssl-dev openssl-libs-static
WORKDIR /usr/src/app