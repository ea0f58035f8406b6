// fast-check generators for Dockerfiles: realistic instructions, flags, heredocs, continuations, comments,
// `# escape=`, runs of RUNs that merge, and then mutations (truncation at any offset, byte noise, line-ending
// and case changes).
import fc from 'fast-check';
import { FORMAT_OPTION_VALUES, type FormatOptions } from '../../server/src/engine';

const word = fc.constantFrom('curl', 'git', 'app', '/srv', '$HOME', '${VERSION:-1}', '"quoted value"', "'x y'", '--flag', '-y', '&&', '||', '|', ';', '&', '\\', '`', '#', '=', 'a=b', '.', '*.tgz', '[', ']', '"', '<<EOF', 'EOF', 'C:\\app', '$(id -u)', '\t');
const image = fc.constantFrom('alpine:3.21', 'node', 'node:22-slim', 'python:3.8-slim', 'debian:12', 'debian:12-slim', 'ubuntu:latest', 'scratch', 'gcr.io/distroless/static-debian12', '${BASE}', 'openjdk:17', 'golang:1.23', 'build', 'registry:5000/x/y:1@sha256:ab', 'mcr.microsoft.com/windows/servercore:ltsc2022', 'fedora:41', 'centos:7');
const command = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(
    'apt-get update', 'apt-get install curl', 'apt-get install -y --no-install-recommends git', 'apt-get -y install python3=3.11*', 'rm -rf /var/lib/apt/lists/*', 'apt-get clean', 'apk add curl', 'apk add --no-cache git=2.45',
    'pip install flask', 'pip3 install -r requirements.txt', 'npm install', 'npm install -g yarn', 'npm ci', 'yarn', 'yarn install --frozen-lockfile', 'gem install rails', 'go install example.com/x@latest',
    'cd /tmp', 'curl -fsSL https://x | sh', 'wget -q https://x', 'wget https://x', 'chown -R 1:1 /srv', 'go build -o /app .', 'useradd -u 123456 app', 'sudo make', 'yum install x', 'yum clean all', 'dnf install y', 'zypper in z',
    'echo $1 | tee /x', 'set -o pipefail', 'sh -c "apt-get install z"', 'make || true', 'sleep 1 &', 'exit 0', 'exec nginx', 'a; b', 'export A=1', 'if [ -f x ]; then exit 1; fi', '(cd /x && make)', 'true', 'mkdir -p /app',
  ) },
  { weight: 1, arbitrary: fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')) },
);
const runFlag = fc.constantFrom('', '', '--mount=type=cache,target=/root/.npm ', '--mount=type=secret,id=npm,target=/root/.npmrc ', '--mount=type=bind,from=build,target=/src ', '--network=none ', '--security=insecure ', '--bogus ', '--mount= ');
const copyFlag = fc.constantFrom('', '--from=build ', '--chown=1:1 ', '--chmod=755 ', '--link ', '--from= ', '--bogus ', '--exclude=*.md ');
const fromFlag = fc.constantFrom('', '', '--platform=$BUILDPLATFORM ', '--platform=linux/amd64 ', '--bogus ');
const joiner = fc.constantFrom(' && ', ' && \\\n    ', '; ', ' \\\n  # note\n  && ', ' \\\n\n  && ', ' || ', ' | ', '\n');

const run = fc.oneof(
  fc.tuple(runFlag, fc.array(command, { minLength: 1, maxLength: 4 }), joiner).map(([f, c, j]) => `RUN ${f}${c.join(j)}`),
  fc.tuple(runFlag, fc.array(command, { minLength: 1, maxLength: 3 }), fc.constantFrom('<<EOF', '<<-EOF', 'bash <<EOF', '<<"EOF"', 'cat <<EOF > /x')).map(([f, c, h]) => `RUN ${f}${h}\n${c.join('\n')}\nEOF`),
  fc.constantFrom('RUN <<A <<B\necho a\nA\necho b\nB', 'RUN ["apt-get", "install", "x"]', 'RUN ["sh", "-c", "echo $HOME"]', 'RUN [ "broken"'),
);

/** A run of RUN instructions that share their flags, the shape the RUN-merging fixes work on. */
const runs = fc.tuple(runFlag, fc.array(command, { minLength: 2, maxLength: 4 })).map(([f, c]) => c.map((x) => `RUN ${f}${x}`).join('\n'));

const instruction: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fromFlag, image, fc.constantFrom('', ' AS build', ' as Other', ' AS', ' AS final')).map(([f, i, a]) => `FROM ${f}${i}${a}`),
  { weight: 3, arbitrary: run },
  { weight: 2, arbitrary: runs },
  fc.constantFrom('CMD node server.js', 'CMD ["node", "a.js"]', 'CMD ["node", "a.js"', 'ENTRYPOINT java -Xmx2g -jar /app.jar', 'ENTRYPOINT ["/tini", "--"]', 'HEALTHCHECK CMD curl -f http://x/ || exit 1', 'HEALTHCHECK --interval=5m CMD ["true"]', 'HEALTHCHECK NONE', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'SHELL ["powershell", "-Command"]'),
  fc.tuple(fc.constantFrom('COPY', 'ADD'), copyFlag, fc.array(word, { minLength: 1, maxLength: 3 })).map(([k, f, w]) => `${k} ${f}${w.join(' ')} /dest/`),
  fc.constantFrom('COPY <<EOF /etc/x\nhello\nEOF', 'COPY . .', 'COPY package.json package-lock.json ./', 'COPY a b c', 'ADD https://example.com/a.tgz /tmp/', 'ADD app.tar.gz /srv/', 'ADD --checksum=sha256:00 https://x/y /y', 'COPY .env /app/', 'COPY --from=build /app /app', 'COPY --from=0 / /'),
  fc.tuple(fc.constantFrom('ENV', 'ARG', 'LABEL'), fc.array(word, { minLength: 0, maxLength: 4 })).map(([k, w]) => `${k} ${w.join(' ')}`),
  fc.constantFrom('ENV A=1 B=$A', 'ENV PATH /x:$PATH', 'ENV A 1 B 2', 'ENV PATH=$PATH:/x', 'ARG NPM_TOKEN', 'ARG VERSION=1.0', 'ENV SECRET_KEY=abc', 'LABEL Maintainer="x"', 'LABEL org.opencontainers.image.version=1.0 description="a b"',
    'USER root', 'USER app', 'USER 1000', 'USER 1000:1000', 'WORKDIR app', 'WORKDIR /srv', 'EXPOSE 80/TCP 70000 1.2.3.4:80:80', 'EXPOSE 8080', 'VOLUME /data', 'VOLUME ["/a", "/b"]', 'STOPSIGNAL SIGTERM',
    'MAINTAINER me <me@example.com>', 'ONBUILD RUN apt-get install x', 'ONBUILD ONBUILD RUN x', 'ONBUILD', 'ONBUILD COPY . /app', 'BOGUS instruction', 'run echo lower', 'from alpine', 'copy . .', ''),
  fc.constantFrom('# comment', '# dockwise ignore=consecutive-run', '# hadolint ignore=DL3008,crazy', '# check=skip=all', '# dockwise global ignore=DL3059', '\t# tabbed', '# hadolint shell=powershell', '#'),
);

/** The escape character of a generated file's header, so `\` becomes `` ` `` where the file says so. */
export const dockerfile: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('', '# syntax=docker/dockerfile:1\n', '# escape=`\n', '# escape=\\\n', '# check=error=true\n', 'ARG BASE=node:22\n', '\uFEFF', '# syntax=docker/dockerfile:1\n# escape=`\n'),
  fc.array(instruction, { minLength: 0, maxLength: 14 }),
  fc.constantFrom('\n', '\n', '\r\n'),
).map(([head, lines, eol]) => {
  let body = lines.join('\n') + '\n';
  if (head.includes('escape=`')) body = body.replace(/\\\n/g, '`\n');
  return (head + body).replace(/\n/g, eol);
});

/** A generated Dockerfile cut at a random offset, with random bytes inserted, or with odd line endings or case. */
export const mutated: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(dockerfile, fc.nat()).map(([t, n]) => t.slice(0, n % (t.length + 1))),
  fc.tuple(dockerfile, fc.nat(), fc.string({ minLength: 1, maxLength: 8 })).map(([t, n, noise]) => { const i = n % (t.length + 1); return t.slice(0, i) + noise + t.slice(i); }),
  fc.tuple(dockerfile, fc.nat(), fc.constantFrom('\\', '`', '"', "'", '<<EOF', '\u0000', '\n', '\r', '\r\n', '$', '${', '[', '#', '\uFFFD', '\uD800', ' \\\n', '\t')).map(([t, n, s]) => { const i = n % (t.length + 1); return t.slice(0, i) + s + t.slice(i); }),
  fc.tuple(dockerfile, fc.nat(), fc.nat()).map(([t, a, b]) => { const i = a % (t.length + 1); const j = b % (t.length + 1); return t.slice(0, Math.min(i, j)) + t.slice(Math.max(i, j)); }),
  dockerfile.map((t) => t.replace(/\n/g, '\r')),
  dockerfile.map((t) => t.toLowerCase()),
);

/** Format options: each option absent (its default) or one of the values it accepts. */
export const formatOptions: fc.Arbitrary<Partial<FormatOptions>> = fc.record(
  Object.fromEntries(Object.entries(FORMAT_OPTION_VALUES).map(([name, accepts]) => [name,
    accepts === 'boolean' ? fc.boolean() : accepts === 'indent' ? fc.constantFrom<FormatOptions['indent']>('auto', 'tab', 1, 2, 4, 8) : fc.constantFrom(...accepts)])) as { [K in keyof FormatOptions]: fc.Arbitrary<FormatOptions[K]> },
  { requiredKeys: [] },
) as fc.Arbitrary<Partial<FormatOptions>>;
