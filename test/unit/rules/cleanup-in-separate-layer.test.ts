import rule from '../../../server/src/engine/rules/cleanup-in-separate-layer';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    { name: 'first instruction after FROM deletes base-image files', code: 'FROM nginx:1.27\nRUN rm /etc/nginx/conf.d/default.conf\n' },
    { name: 'not only cleanup', code: 'FROM debian:12-slim\nRUN apt-get install -y curl\nRUN rm -rf /tmp/x && mkdir /tmp/y\n' },
    { name: 'COPY in between', code: 'FROM debian:12-slim\nRUN mkdir /x\nCOPY a /x/\nRUN rm -rf /tmp/*\n' },
    { name: 'removing the docker-clean hook configures apt for a cache mount: it frees nothing', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends git\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ at: '3:1-3:4', messageId: 'cleanupAlone', message: /only deletes/, fixes: ['mergeCleanup'] }],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && \\\n    rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'package-manager cache cleans count, leading-&& style is kept',
      code: 'FROM python:3.13-slim\nRUN pip install flask \\\n    && pip install gunicorn\nRUN pip cache purge && rm -rf /root/.cache\n',
      errors: [{ at: '4:1-4:4', messageId: 'cleanupAlone', fixes: ['mergeCleanup'] }],
      output: 'FROM python:3.13-slim\nRUN pip install flask \\\n    && pip install gunicorn \\\n    && pip cache purge && rm -rf /root/.cache\n',
    },
    {
      name: 'different mounts: reported without a fix',
      code: 'FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci\nRUN npm cache clean --force\n',
      errors: [{ at: '3:1-3:4', messageId: 'cleanupAlone' }],
      output: null,
    },
    {
      name: 'the lists came from an earlier RUN: merging into the install would shrink nothing, no fix',
      code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ at: '4:1-4:4', messageId: 'cleanupAlone' }],
      output: null,
    },
    {
      name: 'a COPY brought the archive the previous RUN only read: no fix',
      code: 'FROM debian:12-slim\nCOPY app.tgz /tmp/\nRUN tar -xzf /tmp/app.tgz -C /opt\nRUN rm /tmp/app.tgz\n',
      errors: [{ at: '4:1-4:4', messageId: 'cleanupAlone' }],
      output: null,
    },
    {
      name: 'an earlier RUN made the sources: no fix',
      code: 'FROM golang:1.23\nRUN git clone https://example.com/app.git /src/app\nRUN make -C /src/app install\nRUN rm -rf /src/app\n',
      errors: [{ at: '4:1-4:4', messageId: 'cleanupAlone' }],
      output: null,
    },
    {
      name: 'a package group installed two RUNs earlier: no fix',
      code: 'FROM alpine:3.21\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev\nRUN make install\nRUN apk del .build-deps\n',
      errors: [{ at: '4:1-4:4', messageId: 'cleanupAlone' }],
      output: null,
    },
    {
      name: 'the package group the previous RUN installed',
      code: 'FROM alpine:3.21\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && make install\nRUN apk del .build-deps\n',
      errors: [{ at: '3:1-3:4', messageId: 'cleanupAlone', fixes: ['mergeCleanup'] }],
      output: 'FROM alpine:3.21\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && make install && \\\n    apk del .build-deps\n',
    },
    {
      name: 'trailing semicolon of the previous RUN is dropped when joining',
      code: 'FROM alpine:3.21\nRUN wget -q https://example.com/a.tgz -O /tmp/a.tgz;\nRUN rm /tmp/a.tgz\n',
      errors: [{ at: '3:1-3:4', messageId: 'cleanupAlone', fixes: ['mergeCleanup'] }],
      output: 'FROM alpine:3.21\nRUN wget -q https://example.com/a.tgz -O /tmp/a.tgz && \\\n    rm /tmp/a.tgz\n',
    },
  ],
});
