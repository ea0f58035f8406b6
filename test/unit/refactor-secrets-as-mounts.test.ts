import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { offersOf, refactor } from '../support/refactor';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import secretsAsMounts from '../../server/src/engine/refactor/secrets-as-mounts';

const ID = 'secrets-as-mounts';

before(async () => { await initShellParser(); });

test('secrets-as-mounts: the docs example applies exactly', async () => {
  const { before, after } = secretsAsMounts.docs.example;
  assert.equal((await refactor(ID, before)).text, after);
});

test('secrets-as-mounts: an ARG used by one RUN of a Node build, with the build and compose lines in the notes', async () => {
  const out = await refactor(ID, [
    'FROM node:22-slim',
    '# the token for the private registry',
    'ARG NPM_TOKEN',
    'WORKDIR /app',
    'COPY package.json package-lock.json ./',
    'RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && \\',
    '    npm ci --omit=dev && \\',
    '    rm -f .npmrc',
    'COPY . .',
    'USER node',
    'CMD ["node", "server.js"]',
    '',
  ].join('\n'));
  assert.equal(out.text, [
    '# syntax=docker/dockerfile:1',
    'FROM node:22-slim',
    '# the token for the private registry',
    'WORKDIR /app',
    'COPY package.json package-lock.json ./',
    'RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && \\',
    '    npm ci --omit=dev && \\',
    '    rm -f .npmrc',
    'COPY . .',
    'USER node',
    'CMD ["node", "server.js"]',
    '',
  ].join('\n'));
  assert.ok(out.notes.includes('Build with the secret from your environment: `docker build --secret id=npm-token,env=NPM_TOKEN .`'));
  assert.ok(out.notes.includes('In compose, give the build the secret: `build: secrets: [npm-token]`, and declare it at the top level: `secrets: npm-token: environment: NPM_TOKEN`'));
  assert.ok(out.notes.some((n) => n.startsWith('NPM_TOKEN no longer lands in the image history')));
  assert.ok(out.notes.some((n) => n.includes('writes NPM_TOKEN into a file')));
  assert.equal(offersOf(ID, out.text).length, 0);
});

test('secrets-as-mounts: a global ARG re-declared in two stages: every declaration goes, every RUN that names it is mounted', async () => {
  const out = await refactor(ID, [
    '# syntax=docker/dockerfile:1.10',
    'ARG GITHUB_TOKEN',
    'FROM golang:1.23 AS build',
    'ARG GITHUB_TOKEN',
    'WORKDIR /src',
    'COPY go.mod go.sum ./',
    'RUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/" && go mod download',
    'COPY . .',
    'RUN go build -o /out/app ./cmd/app',
    '',
    'FROM alpine:3.21 AS tools',
    'ARG GITHUB_TOKEN',
    'RUN wget --header "Authorization: token $GITHUB_TOKEN" -O /usr/local/bin/tool https://example.com/tool',
    '',
    'FROM gcr.io/distroless/static-debian12',
    'COPY --from=build /out/app /app',
    'COPY --from=tools /usr/local/bin/tool /tool',
    'ENTRYPOINT ["/app"]',
    '',
  ].join('\n'), { key: '32' });
  assert.equal(out.text, [
    '# syntax=docker/dockerfile:1.10',
    'FROM golang:1.23 AS build',
    'WORKDIR /src',
    'COPY go.mod go.sum ./',
    'RUN --mount=type=secret,id=github-token,env=GITHUB_TOKEN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/" && go mod download',
    'COPY . .',
    'RUN go build -o /out/app ./cmd/app',
    '',
    'FROM alpine:3.21 AS tools',
    'RUN --mount=type=secret,id=github-token,env=GITHUB_TOKEN wget --header "Authorization: token $GITHUB_TOKEN" -O /usr/local/bin/tool https://example.com/tool',
    '',
    'FROM gcr.io/distroless/static-debian12',
    'COPY --from=build /out/app /app',
    'COPY --from=tools /usr/local/bin/tool /tool',
    'ENTRYPOINT ["/app"]',
    '',
  ].join('\n'));
  assert.equal(offersOf(ID, out.text).length, 0);
});

test('secrets-as-mounts: one pair of an ENV with several, over continuation lines; the literal value and the runtime are noted', async () => {
  const out = await refactor(ID, [
    'FROM python:3.13-slim',
    'ENV PYTHONUNBUFFERED=1 \\',
    '    PIP_INDEX_TOKEN=s3cr3t-t0ken-value \\',
    '    APP_HOME=/app',
    'WORKDIR $APP_HOME',
    'RUN pip install --no-cache-dir --index-url "https://__token__:${PIP_INDEX_TOKEN}@pypi.example.com/simple" flask==3.1.0',
    'CMD ["python", "-m", "flask", "run"]',
    '',
  ].join('\n'));
  assert.equal(out.text, [
    '# syntax=docker/dockerfile:1',
    'FROM python:3.13-slim',
    'ENV PYTHONUNBUFFERED=1 \\',
    '    APP_HOME=/app',
    'WORKDIR $APP_HOME',
    'RUN --mount=type=secret,id=pip-index-token,env=PIP_INDEX_TOKEN pip install --no-cache-dir --index-url "https://__token__:${PIP_INDEX_TOKEN}@pypi.example.com/simple" flask==3.1.0',
    'CMD ["python", "-m", "flask", "run"]',
    '',
  ].join('\n'));
  assert.ok(out.notes.some((n) => n.startsWith('The value written in the Dockerfile for PIP_INDEX_TOKEN is gone')));
  assert.ok(out.notes.some((n) => n.startsWith('The image no longer sets PIP_INDEX_TOKEN for the running container')));
});

test('secrets-as-mounts: the last pair of an ENV, and an ENV seen by a stage built FROM it', async () => {
  const out = await refactor(ID, [
    'FROM ruby:3.3-slim AS base',
    'ENV BUNDLE_WITHOUT=development BUNDLE_GITHUB__COM_TOKEN=${GH_TOKEN_VALUE}',
    '',
    'FROM base AS gems',
    'RUN bundle config set github.com "x-access-token:$BUNDLE_GITHUB__COM_TOKEN" && bundle install',
    '',
  ].join('\n'));
  assert.equal(out.text, [
    '# syntax=docker/dockerfile:1',
    'FROM ruby:3.3-slim AS base',
    'ENV BUNDLE_WITHOUT=development',
    '',
    'FROM base AS gems',
    'RUN --mount=type=secret,id=bundle-github-com-token,env=BUNDLE_GITHUB__COM_TOKEN bundle config set github.com "x-access-token:$BUNDLE_GITHUB__COM_TOKEN" && bundle install',
    '',
  ].join('\n'));
});

test('secrets-as-mounts: the offer\'s hint gives the build and compose lines', () => {
  const [offer] = offersOf(ID, 'FROM node:22-slim\nARG NPM_TOKEN\nRUN npm ci --token "$NPM_TOKEN"\n');
  assert.equal(offer.hint, 'Build with the secret from your environment: `docker build --secret id=npm-token,env=NPM_TOKEN .`\n\nIn compose, give the build the secret: `build: secrets: [npm-token]`, and declare it at the top level: `secrets: npm-token: environment: NPM_TOKEN`');
});

test('secrets-as-mounts: Korean titles and notes', async () => {
  const text = 'FROM node:22-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n';
  const [offer] = offersOf(ID, text, { settings: { locale: 'ko' } });
  assert.ok(offer && !/Pass/.test(offer.title));
  const out = await refactor(ID, text, { settings: { locale: 'ko' } });
  assert.ok(out.notes.every((n) => !/^Build with/.test(n)));
});

test('secrets-as-mounts: not offered where the secret is needed beyond a RUN, or cannot be mounted', () => {
  const not = (text: string, why: string) => assert.deepEqual(offersOf(ID, text), [], why);
  not('FROM alpine:3.21\nARG API_TOKEN\nENV COPIED=$API_TOKEN\n', 'read by another ENV');
  not('FROM alpine:3.21\nARG API_TOKEN\nLABEL token=$API_TOKEN\n', 'read by a LABEL');
  not('FROM alpine:3.21\nENV API_TOKEN=abcdef123456\nCMD echo $API_TOKEN\n', 'read by CMD');
  not('FROM alpine:3.21\nENV API_TOKEN=abcdef123456\nENTRYPOINT ["sh", "-c", "run --token ${API_TOKEN}"]\n', 'read by ENTRYPOINT');
  not('ARG REGISTRY_TOKEN\nFROM registry.example.com/${REGISTRY_TOKEN}/base:1\nARG REGISTRY_TOKEN\nRUN echo $REGISTRY_TOKEN\n', 'read by a FROM');
  not('FROM alpine:3.21\nARG API_TOKEN\nRUN ["/bin/tool", "--token", "$API_TOKEN"]\n', 'an exec-form RUN');
  not('FROM alpine:3.21\nARG API_TOKEN\nONBUILD RUN echo $API_TOKEN\n', 'an ONBUILD trigger');
  not('# syntax=docker/dockerfile:1.9\nFROM alpine:3.21\nARG API_TOKEN\nRUN echo $API_TOKEN\n', 'a frontend without env=');
  not('FROM alpine:3.21\nARG API_TOKEN\nENV API_TOKEN=$API_TOKEN\nRUN echo $API_TOKEN\n', 'declared as ARG and ENV');
  not('FROM alpine:3.21\nARG NPM_TOKEN GH_USER\nRUN echo $NPM_TOKEN $GH_USER\n', 'an ARG of several names without values');
  not('FROM alpine:3.21\nARG GPG_KEY_ID\nENV DB_PASSWORD_FILE=/run/secrets/db\nRUN echo $GPG_KEY_ID\n', 'no secret');
});

test('secrets-as-mounts: a RUN that already mounts the secret is left as it is', async () => {
  const out = await refactor(ID, '# syntax=docker/dockerfile:1\nFROM alpine:3.21\nARG API_TOKEN\nRUN --mount=type=secret,id=api-token,env=API_TOKEN ./fetch.sh "$API_TOKEN"\nRUN echo "$API_TOKEN" | ./login.sh\n');
  assert.equal(out.text, '# syntax=docker/dockerfile:1\nFROM alpine:3.21\nRUN --mount=type=secret,id=api-token,env=API_TOKEN ./fetch.sh "$API_TOKEN"\nRUN --mount=type=secret,id=api-token,env=API_TOKEN echo "$API_TOKEN" | ./login.sh\n');
});

test('secrets-as-mounts: a secret no RUN names is removed with a note, and no syntax line is added for it', async () => {
  const out = await refactor(ID, 'FROM ubuntu:24.04\nRUN apt-get update\n# the admin password\nARG DB_PASSWORD=hunter2\nCMD ["bash"]\n');
  assert.equal(out.text, 'FROM ubuntu:24.04\nRUN apt-get update\n# the admin password\nCMD ["bash"]\n');
  assert.ok(out.notes.some((n) => n.startsWith('No RUN names DB_PASSWORD')));
  assert.ok(out.notes.some((n) => n.startsWith('The value written in the Dockerfile for DB_PASSWORD is gone')));
});
