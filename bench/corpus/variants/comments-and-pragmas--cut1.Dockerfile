# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended
# dockwise global ignore=missing-healthcheck

FROM debian:12-slim
# Everything