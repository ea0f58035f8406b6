FROM nginx:1.27-alpine
LABEL maintainer="web team <web@example.com>"
LABEL org.opencontainers.image.created="2024-11-02T10:00:00Z" \
      org.opencontainers.image.source="https://github.com/example/site" \
      org.openco