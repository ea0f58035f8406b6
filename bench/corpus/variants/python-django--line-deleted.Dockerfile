FROM python:3.12-slim-bookworm AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpq5=15.10-0+deb12u1 \
        # for image uploads
        libjpeg62-turbo=1:2.1.5-2 \
    && rm -rf /var/lib/apt/lists/*

FROM base AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt /tmp/requirements.txt
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r /tmp/requirements.txt

FROM base
RUN groupadd --system --gid 10001 web \
    && useradd --system --uid 10001 --gid web --no-create-home web
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
WORKDIR /srv/site
COPY --chown=web:web . .
EXPOSE 8000
CMD ["gunicorn", "site.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
