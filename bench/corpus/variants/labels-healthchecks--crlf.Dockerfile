FROM nginx:1.27-alpine
LABEL maintainer="web team <web@example.com>"
LABEL org.opencontainers.image.created="2024-11-02T10:00:00Z" \
      org.opencontainers.image.source="https://github.com/example/site" \
      org.opencontainers.image.revision="3f9c2a1" \
      org.opencontainers.image.version="v1.4" \
      com.example.empty=""
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
    CMD wget -qO- http://127.0.0.1/health || exit 1
HEALTHCHECK NONE
STOPSIGNAL SIGQUIT
COPY site/ /usr/share/nginx/html/
COPY a.conf b.conf /etc/nginx/conf.d
USER nginx
