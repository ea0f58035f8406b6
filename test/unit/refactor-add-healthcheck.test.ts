// add-healthcheck: a HEALTHCHECK for the exposed port with a tool the image really has, or why there is none.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { initNodeShellParser } from '../../server/src/host/node';
import { offersOf, refactor } from '../support/refactor';
import addHealthcheck from '../../server/src/engine/refactor/add-healthcheck';

before(async () => { await initNodeShellParser(); });

const OPTS = '--interval=30s --timeout=5s --start-period=30s';

async function failure(text: string, answers?: string[]): Promise<string> {
  try {
    await refactor('add-healthcheck', text, { answers });
  } catch (e) {
    return (e as Error).message;
  }
  assert.fail('expected an error');
}

describe('add-healthcheck', () => {
  it('probes with the curl a RUN installs, after the last EXPOSE', async () => {
    const text = 'FROM node:22-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\n# start\nCMD ["node", "server.js"]\n';
    const [offer] = offersOf('add-healthcheck', text);
    assert.equal(offer.title, 'Add a HEALTHCHECK that probes port 3000 with curl');
    assert.equal(offer.safety, 'unsafe');
    assert.deepEqual(offer.question?.candidates.map((c) => c.value), ['/', '/health', '/healthz']);
    const out = await refactor('add-healthcheck', text, { answers: ['/healthz'] });
    assert.equal(out.text, text.replace('EXPOSE 3000\n', `EXPOSE 3000\nHEALTHCHECK ${OPTS} CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:3000/healthz"]\n`));
    assert.deepEqual(out.notes, [
      'Docker runs `curl` every 30 s: the app must answer `http://127.0.0.1:3000/healthz` with a status below 400 within 5 s, and after 3 failures in a row the container is unhealthy. Failures in the first 30 s (the start period) do not count.',
      'curl is there because a RUN of the image installs it.',
      'It probes 127.0.0.1 inside the container: an app that listens only on another address (not 0.0.0.0 or ::) fails it.',
    ]);
  });

  it('uses BusyBox wget in an alpine image', async () => {
    const text = 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\nEXPOSE 80\n';
    const out = await refactor('add-healthcheck', text);
    assert.equal(out.text, `${text}HEALTHCHECK ${OPTS} CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:80/"]\n`);
    assert.match(out.notes[1], /^wget is in the base image: Alpine \(BusyBox wget\)/);
  });

  it('uses the curl of the full python image, not of python slim, which gets a python probe', async () => {
    const full = 'FROM python:3.13\nWORKDIR /app\nCOPY . .\nEXPOSE 8000\nCMD ["python", "app.py"]\n';
    assert.match((await refactor('add-healthcheck', full)).text, /CMD \["curl", "-fsS", "-o", "\/dev\/null", "http:\/\/127\.0\.0\.1:8000\/"\]\n/);
    const text = 'FROM python:3.13-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nEXPOSE 5000/tcp\nCMD ["flask", "run", "--host=0.0.0.0"]\n';
    const out = await refactor('add-healthcheck', text, { answers: ['/health'] });
    assert.equal(out.text, text.replace('EXPOSE 5000/tcp\n', `EXPOSE 5000/tcp\nHEALTHCHECK ${OPTS} CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:5000/health', timeout=4)"]\n`));
    assert.equal(out.notes[1], 'The image has neither curl nor wget, so the probe is a Python one-liner run by `python`.');
  });

  it('uses node itself in node slim and in distroless node (by its full path, without a shell)', async () => {
    const slim = await refactor('add-healthcheck', 'FROM node:22-slim\nCOPY . .\nEXPOSE 3000\nCMD ["node", "index.js"]\n');
    assert.equal(slim.text, `FROM node:22-slim\nCOPY . .\nEXPOSE 3000\nHEALTHCHECK ${OPTS} CMD ["node", "-e", "require('http').get('http://127.0.0.1:3000/', (r) => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))"]\nCMD ["node", "index.js"]\n`);
    const text = 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM gcr.io/distroless/nodejs22-debian12\nCOPY --from=build /app /app\nWORKDIR /app\nEXPOSE 8080\nCMD ["dist/server.js"]\n';
    const out = await refactor('add-healthcheck', text);
    assert.match(out.text, /EXPOSE 8080\nHEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD \["\/nodejs\/bin\/node", "-e", "require\('http'\)\.get\('http:\/\/127\.0\.0\.1:8080\/'/);
  });

  it('explains instead in distroless static, scratch and Java images without a client', async () => {
    assert.match(await failure('FROM golang:1.26 AS build\nCOPY . .\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nEXPOSE 8080\nENTRYPOINT ["/app"]\n'), /has no shell and no HTTP client or runtime to probe with/);
    assert.match(await failure('FROM scratch\nCOPY app /app\nEXPOSE 8080\nENTRYPOINT ["/app"]\n'), /has no shell/);
    assert.match(await failure('FROM eclipse-temurin:21-jre-alpine\nCOPY app.jar /app.jar\nEXPOSE 8080\nCMD ["java", "-jar", "/app.jar"]\n'.replace('-alpine', '-ubi9-minimal'), ['/actuator/health']), /runs Java but has no HTTP client/);
    assert.match(await failure('FROM gcr.io/distroless/java21-debian12\nCOPY app.jar /app.jar\nEXPOSE 8080\nCMD ["app.jar"]\n'), /runs Java but has no HTTP client/);
    assert.match(await failure('FROM debian:bookworm-slim\nCOPY app /app\nEXPOSE 8080\nCMD ["/app"]\n'), /Neither curl nor wget is known to be in debian:bookworm-slim/);
  });

  it('offers the actuator path for Spring Boot and uses the curl Temurin ships', async () => {
    const text = 'FROM eclipse-temurin:21-jre\nCOPY target/app.jar /app.jar\nEXPOSE 8080\nENTRYPOINT ["java", "-jar", "/app.jar"]\n';
    const [offer] = offersOf('add-healthcheck', text);
    assert.deepEqual(offer.question?.candidates.map((c) => c.value), ['/actuator/health', '/', '/health', '/healthz']);
    const out = await refactor('add-healthcheck', text, { answers: ['/actuator/health'] });
    assert.equal(out.text, text.replace('EXPOSE 8080\n', `EXPOSE 8080\nHEALTHCHECK ${OPTS} CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/actuator/health"]\n`));
  });

  it('asks for the port when EXPOSE names a variable, with the candidates the file gives', async () => {
    const text = 'FROM node:22-alpine\nENV PORT=8080\nEXPOSE $PORT\nCMD ["node", "server.js", "--port", "9090"]\n';
    const [offer] = offersOf('add-healthcheck', text);
    assert.equal(offer.title, 'Add a HEALTHCHECK (asks for the port)');
    assert.deepEqual(offer.question?.candidates.map((c) => [c.value, c.detail]), [['8080', 'from ENV PORT'], ['9090', 'from CMD']]);
    const out = await refactor('add-healthcheck', text, { answers: ['8080'] });
    assert.equal(out.text, text.replace('EXPOSE $PORT\n', `EXPOSE $PORT\nHEALTHCHECK ${OPTS} CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"]\n`));
    assert.match(await failure(text), /The port the app listens on is not known/);
    assert.match(await failure(text, ['http']), /"http" is not a port number/);
    assert.match(await failure('FROM node:22-alpine\nEXPOSE 80\n', ['/a b']), /"\/a b" is not a URL path/);
  });

  it('probes the first port that may speak HTTP, and explains when none does', async () => {
    const out = await refactor('add-healthcheck', 'FROM node:22-alpine\nEXPOSE 22 8080\nCMD ["node", "a.js"]\n', { answers: ['/'] });
    assert.match(out.text, /"http:\/\/127\.0\.0\.1:8080\/"\]\n/);
    assert.match(await failure('FROM postgres:17-alpine\nEXPOSE 5432\n', ['/']), /The exposed port 5432 is PostgreSQL, which does not answer HTTP/);
  });

  it('keeps lower-case keywords and a file without a final line break', async () => {
    const out = await refactor('add-healthcheck', 'from node:22-alpine\nexpose 3000', { answers: ['/'] });
    assert.equal(out.text, `from node:22-alpine\nexpose 3000\nhealthcheck ${OPTS} cmd ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:3000/"]\n`);
  });

  it('is not offered without EXPOSE, with a HEALTHCHECK (also inherited), or outside the final stage', () => {
    assert.deepEqual(offersOf('add-healthcheck', 'FROM node:22\nCMD ["node", "a.js"]\n'), []);
    assert.deepEqual(offersOf('add-healthcheck', 'FROM node:22\nEXPOSE 3000\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:3000/"]\n'), []);
    assert.deepEqual(offersOf('add-healthcheck', 'FROM node:22 AS base\nHEALTHCHECK NONE\nFROM base\nEXPOSE 3000\n'), []);
    const two = 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\nEXPOSE 3000\n';
    assert.deepEqual(offersOf('add-healthcheck', two).map((o) => [o.start, o.end]), [[two.indexOf('FROM node:22-slim'), two.length - 1]]);
  });

  it('docs.example is exact', async () => {
    const { before: b, after, answers } = addHealthcheck.docs.example;
    assert.equal((await refactor('add-healthcheck', b, { answers })).text, after);
  });
});
