FROM rust:1.83-alpine AS build
RUN apk add --no-cache musl-dev=1.2.5-r0 openssl-dev openssl-libs-static
WORKDIR /usr/src/app
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs && cargo build --release && rm -rf src
COPY src ./src
RUN touch src/main.rs && carg