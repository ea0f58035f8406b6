FROM rust:1.83-alpine AS build
RUN apk add --no-cache musl-dev=1.2.5-r0 openssl-dev openssl-libs-static
WORKDIR /usr/src/app
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs && cargo build --release && rm -rf src
COPY src ./src
RUN touch src/main.rs && cargo build --release

FROM alpine:3.21
RUN apk add --no-cache ca-certificates tini \  
 && addgroup -S app && adduser -S -G app app
COPY --from=build /usr/src/app/target/release/app /usr/local/bin/app
USER app
ENTRYPOINT ["/sbin/tini", "--", "app"]
