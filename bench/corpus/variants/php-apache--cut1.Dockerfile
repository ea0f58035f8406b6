FROM php:8.3-apache-bookworm

# Extensions the application needs.
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recomm