// Deterministic, realistic-looking Dockerfiles of any length for benchmarks: several stages, long RUN
// chains with continuation lines and comments, heredocs, COPY/ENV/ARG, and a few findings in each stage.

const PACKAGES = ['curl', 'ca-certificates', 'git', 'gnupg', 'libpq-dev', 'build-essential', 'python3', 'unzip', 'jq', 'tzdata'];

function stage(i) {
  const p = (k) => PACKAGES[(i + k) % PACKAGES.length];
  return [
    `# stage ${i}: builds part ${i} of the service`,
    `FROM debian:12-slim AS stage${i}`,
    `ARG VERSION_${i}=1.${i}.0`,
    `ENV APP_HOME=/srv/app${i} PATH=/srv/app${i}/bin:$PATH`,
    'WORKDIR /srv/app',
    'RUN apt-get update \\',
    `    && apt-get install -y --no-install-recommends ${p(0)} ${p(1)} \\`,
    '    # tools for the build',
    `    && apt-get install -y ${p(2)} ${p(3)} \\`,
    '    && rm -rf /var/lib/apt/lists/*',
    'RUN <<EOF',
    'set -eux',
    `curl -fsSL https://example.com/v$VERSION_${i}/tool.tgz | tar -xz -C /usr/local/bin`,
    'chmod +x /usr/local/bin/tool',
    'EOF',
    `COPY --chown=1000:1000 src/part${i}/ ./part${i}/`,
    `RUN cd part${i} && make build && make install`,
    'RUN mkdir -p /var/cache/app',
    'RUN chown -R 1000:1000 /var/cache/app',
    `LABEL org.opencontainers.image.title="part ${i}"`,
    '',
  ];
}

/** A Dockerfile of about `lines` lines. */
export function generateDockerfile(lines) {
  const out = ['# syntax=docker/dockerfile:1', 'ARG BASE=debian:12-slim'];
  let i = 0;
  while (out.length < lines - 4) out.push(...stage(i++));
  out.push('FROM stage0', 'USER 1000:1000', 'EXPOSE 8080', 'CMD ["tool", "serve"]');
  return out.join('\n') + '\n';
}
