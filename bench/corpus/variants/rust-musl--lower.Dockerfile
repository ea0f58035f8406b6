from rust:1.83-alpine AS build
run apk add --no-cache musl-dev=1.2.5-r0 openssl-dev openssl-libs-static
workdir /usr/src/app
copy Cargo.toml Cargo.lock ./
run mkdir src && echo 'fn main() {}' > src/main.rs && cargo build --release && rm -rf src
copy src ./src
run touch src/main.rs && cargo build --release

from alpine:3.21
run apk add --no-cache ca-certificates tini \
 && addgroup -S app && adduser -S -G app app
copy --from=build /usr/src/app/target/release/app /usr/local/bin/app
user app
entrypoint ["/sbin/tini", "--", "app"]
