// fast-check generators for Dockerfiles: realistic instructions, flags, heredocs, continuations, comments,
// `# escape=` and then mutations (truncation at any offset, byte noise).
import fc from 'fast-check';

const word = fc.constantFrom('curl', 'git', 'app', '/srv', '$HOME', '${VERSION:-1}', '"quoted value"', "'x y'", '--flag', '-y', '&&', '|', ';', '\\', '#', '=', 'a=b', '.', '*.tgz', '[', ']', '"', '<<EOF', 'EOF');
const image = fc.constantFrom('alpine:3.21', 'node', 'python:3.8-slim', 'debian:12', 'scratch', 'gcr.io/distroless/static-debian12', '${BASE}', 'openjdk:17', 'ubuntu:latest', 'build', 'registry:5000/x/y:1@sha256:ab');
const command = fc.oneof(
  fc.constantFrom('apt-get update', 'apt-get install curl', 'apt-get install -y --no-install-recommends git', 'rm -rf /var/lib/apt/lists/*', 'apk add curl', 'pip install flask', 'npm install', 'npm ci',
    'yarn', 'cd /tmp', 'curl -fsSL https://x | sh', 'wget -q https://x', 'chown -R 1:1 /srv', 'go build -o /app .', 'useradd -u 123456 app', 'sudo make', 'yum install x', 'dnf install y', 'zypper in z', 'echo $1 | tee /x', 'set -o pipefail', 'sh -c "apt-get install z"'),
  fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
);
const flag = fc.constantFrom('', '--mount=type=cache,target=/root/.npm ', '--from=build ', '--chown=1:1 ', '--platform=$BUILDPLATFORM ', '--link ', '--network=none ', '--bogus ', '--from= ');

const instruction: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(flag, image, fc.constantFrom('', ' AS build', ' as Other', ' AS')).map(([f, i, a]) => `FROM ${f}${i}${a}`),
  fc.tuple(flag, fc.array(command, { minLength: 1, maxLength: 4 }), fc.constantFrom(' && ', ' && \\\n    ', '; ', ' \\\n  # note\n  && ')).map(([f, c, j]) => `RUN ${f}${c.join(j)}`),
  fc.array(command, { minLength: 1, maxLength: 3 }).map((c) => `RUN <<EOF\n${c.join('\n')}\nEOF`),
  fc.constantFrom('RUN ["apt-get", "install", "x"]', 'CMD node server.js', 'CMD ["node", "a.js"]', 'ENTRYPOINT java -Xmx2g -jar /app.jar', 'HEALTHCHECK CMD curl -f http://x/ || exit 1', 'HEALTHCHECK NONE', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]'),
  fc.tuple(fc.constantFrom('COPY', 'ADD'), flag, fc.array(word, { minLength: 1, maxLength: 3 })).map(([k, f, w]) => `${k} ${f}${w.join(' ')} /dest/`),
  fc.constantFrom('COPY <<EOF /etc/x\nhello\nEOF', 'COPY . .', 'ADD https://example.com/a.tgz /tmp/', 'COPY .env /app/'),
  fc.tuple(fc.constantFrom('ENV', 'ARG', 'LABEL'), fc.array(word, { minLength: 0, maxLength: 4 })).map(([k, w]) => `${k} ${w.join(' ')}`),
  fc.constantFrom('ENV A=1 B=$A', 'ENV PATH /x:$PATH', 'ARG NPM_TOKEN', 'LABEL Maintainer="x"', 'USER root', 'USER app', 'USER 1000', 'WORKDIR app', 'WORKDIR /srv', 'EXPOSE 80/TCP 70000 1.2.3.4:80:80', 'VOLUME /data', 'STOPSIGNAL SIGTERM', 'MAINTAINER me', 'ONBUILD RUN apt-get install x', 'ONBUILD ONBUILD RUN x', 'ONBUILD', 'BOGUS instruction', 'run echo lower', ''),
  fc.constantFrom('# comment', '# dockwise ignore=consecutive-run', '# hadolint ignore=DL3008,crazy', '# check=skip=all', '# dockwise global ignore=DL3059', '\t# tabbed'),
);

export const dockerfile: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('', '# syntax=docker/dockerfile:1\n', '# escape=`\n', '# check=error=true\n', 'ARG BASE=node:22\n', '\uFEFF'),
  fc.array(instruction, { minLength: 0, maxLength: 14 }),
  fc.constantFrom('\n', '\r\n'),
).map(([head, lines, eol]) => (head + lines.join('\n') + '\n').replace(/\n/g, eol));

/** A generated Dockerfile cut at a random offset, or with random bytes inserted. */
export const mutated: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(dockerfile, fc.nat()).map(([t, n]) => t.slice(0, n % (t.length + 1))),
  fc.tuple(dockerfile, fc.nat(), fc.string({ minLength: 1, maxLength: 8 })).map(([t, n, noise]) => { const i = n % (t.length + 1); return t.slice(0, i) + noise + t.slice(i); }),
  fc.tuple(dockerfile, fc.nat(), fc.constantFrom('\\', '`', '"', "'", '<<EOF', '\u0000', '\n', '$', '${', '[', '#')).map(([t, n, s]) => { const i = n % (t.length + 1); return t.slice(0, i) + s + t.slice(i); }),
);
