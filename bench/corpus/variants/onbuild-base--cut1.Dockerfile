FROM python:3.11-slim
LABEL org.opencontainers.image.title="python onbuild base" \
      org.opencontainers.image.version="2.4.0" \
      org.opencontainer