from golang:1.22 AS builder
workdir /go/src/app
copy . .
run go get -d -v ./...
run go install github.com/example/migrate@latest
run go build -o /go/bin/app

from scratch
copy --from=builder /go/bin/app /app
copy --from=builder /go/bin/migrate /migrate
user nobody
healthcheck CMD /app -healthcheck
cmd /app
