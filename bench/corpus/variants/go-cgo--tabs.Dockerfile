FROM	golang:1.22 AS builder
WORKDIR	/go/src/app
COPY	. .
RUN	go get -d -v ./...
RUN	go install github.com/example/migrate@latest
RUN	go build -o /go/bin/app

FROM	scratch
COPY	--from=builder /go/bin/app /app
COPY	--from=builder /go/bin/migrate /migrate
USER	nobody
HEALTHCHECK	CMD /app -healthcheck
CMD	/app
