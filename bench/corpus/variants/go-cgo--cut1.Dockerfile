FROM golang:1.22 AS builder
WORKDIR /go/src/app
COPY . .
RUN go get -d -v ./...
RUN go install github.com/exampl