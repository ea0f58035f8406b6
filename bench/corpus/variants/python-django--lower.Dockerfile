from python:3.12-slim-bookworm AS base

env PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

run apt-get update \
    && apt-get install -y --no-install-recommends \
        libpq5=15.10-0+deb12u1 \
        # for image uploads
        libjpeg62-turbo=1:2.1.5-2 \
    && rm -rf /var/lib/apt/lists/*

from base AS build
run apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev \
    && rm -rf /var/lib/apt/lists/*
copy requirements.txt /tmp/requirements.txt
run pip wheel --no-cache-dir --wheel-dir /wheels -r /tmp/requirements.txt

from base
run groupadd --system --gid 10001 web \
    && useradd --system --uid 10001 --gid web --no-create-home web
copy --from=build /wheels /wheels
run pip install --no-cache-dir /wheels/* && rm -rf /wheels
workdir /srv/site
copy --chown=web:web . .
user 10001
expose 8000
cmd ["gunicorn", "site.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
