/// <reference types="mocha" />
// The flagship rules' quick fixes, as VS Code's light bulb asks for them, applied to the document.
import * as assert from 'node:assert/strict';
import { apply, byTitle, closeAll, expectDiagnostics, expectText, findDiagnostic, fixesFor, openCopy } from './helpers';

const lines = (...l: string[]) => l.join('\n') + '\n';

suite('quick fixes', () => {
  teardown(closeAll);

  test('consecutive-run: merge RUN layers', async () => {
    const { document } = await openCopy('fixes/merge-run/Dockerfile');
    await expectDiagnostics(document.uri, ['consecutive-run Information 7:1-7:4']);
    const actions = await fixesFor(document.uri, findDiagnostic(document.uri, 'consecutive-run'));
    assert.deepEqual(actions.map((a) => a.title), [
      'Merge 3 RUN instructions into one',
      'Ignore consecutive-run for this line',
      'Show documentation for consecutive-run',
    ]);
    const merge = byTitle(actions, 'Merge 3 RUN instructions into one');
    assert.equal(merge.isPreferred, true, 'a safe fix is the preferred one');
    await apply(merge);
    await expectText(document, lines(
      'FROM golang:1.26-bookworm AS build',
      'WORKDIR /src',
      'COPY go.mod go.sum ./',
      'RUN go mod download',
      'COPY . .',
      'RUN go vet ./... && \\',
      '    go test ./... && \\',
      '    CGO_ENABLED=0 go build -o /out/api ./cmd/api',
      '',
      'FROM gcr.io/distroless/static-debian12:nonroot',
      'COPY --from=build /out/api /api',
      'ENTRYPOINT ["/api"]',
    ), 'the merged RUN');
    await expectDiagnostics(document.uri, []);
  });

  test('runs-as-root: add USER node for a node image', async () => {
    const { document } = await openCopy('fixes/non-root-node/Dockerfile');
    await expectDiagnostics(document.uri, ['runs-as-root Information 1:6-1:30']);
    const actions = await fixesFor(document.uri, findDiagnostic(document.uri, 'runs-as-root'));
    const title = 'Add USER node before the runtime instructions (unsafe: the process loses root)';
    assert.deepEqual(actions.map((a) => a.title), [title, 'Ignore runs-as-root for this line', 'Show documentation for runs-as-root']);
    assert.equal(byTitle(actions, title).isPreferred, false, 'an unsafe fix is never the preferred one');
    await apply(byTitle(actions, title));
    await expectText(document, lines(
      'FROM node:24.11-bookworm-slim',
      'WORKDIR /app',
      'COPY package.json package-lock.json ./',
      'RUN npm ci --omit=dev',
      'COPY . .',
      'USER node',
      'EXPOSE 3000',
      'CMD ["node", "server.js"]',
    ), 'USER node before EXPOSE/CMD');
    // The inserted name is what the node image provides; user-non-numeric (info) then asks for its UID.
    await expectDiagnostics(document.uri, ['user-non-numeric Information 6:6-6:10']);
  });

  test('runs-as-root: create a system user for a Debian image', async () => {
    const { document } = await openCopy('fixes/non-root-debian/Dockerfile');
    await expectDiagnostics(document.uri, ['runs-as-root Information 1:6-1:24']);
    const actions = await fixesFor(document.uri, findDiagnostic(document.uri, 'runs-as-root'));
    await apply(byTitle(actions, 'Add USER app before the runtime instructions (unsafe: the process loses root)'));
    await expectText(document, lines(
      'FROM debian:trixie-slim',
      'RUN apt-get update \\',
      '    && apt-get install -y --no-install-recommends ca-certificates=20250419 \\',
      '    && rm -rf /var/lib/apt/lists/*',
      'COPY bin/worker /usr/local/bin/worker',
      'RUN groupadd --system app && useradd --system --gid app --no-create-home app',
      'USER app',
      'ENTRYPOINT ["/usr/local/bin/worker"]',
    ), 'groupadd/useradd and USER app before ENTRYPOINT');
    await expectDiagnostics(document.uri, ['user-non-numeric Information 7:6-7:9']);
  });

  test('shell-form-cmd: exec-form CMD', async () => {
    const { document } = await openCopy('fixes/exec-form-cmd/Dockerfile');
    await expectDiagnostics(document.uri, ['user-non-numeric Information 4:6-4:10', 'shell-form-cmd Warning 5:5-5:19']);
    const actions = await fixesFor(document.uri, findDiagnostic(document.uri, 'shell-form-cmd'));
    // node's image has an ENTRYPOINT (docker-entrypoint.sh) that receives the CMD: the fix is offered as unsafe.
    const title = 'Use exec form: CMD ["node", "server.js"] (unsafe: the base image\'s ENTRYPOINT, if any, receives other arguments)';
    assert.deepEqual(actions.map((a) => a.title), [title, 'Ignore shell-form-cmd for this line', 'Show documentation for shell-form-cmd']);
    await apply(byTitle(actions, title));
    await expectText(document, lines(
      'FROM node:24.11-bookworm-slim',
      'WORKDIR /app',
      'COPY --chown=node:node . .',
      'USER node',
      'CMD ["node", "server.js"]',
    ), 'CMD in exec form');
    await expectDiagnostics(document.uri, ['user-non-numeric Information 4:6-4:10']);
  });

  test('apt-get flags: -y, --no-install-recommends (unsafe) and removing the lists', async () => {
    const { document } = await openCopy('fixes/apt-flags/Dockerfile');
    const uri = document.uri;
    await expectDiagnostics(uri, [
      'apt-lists-not-removed Information 2:5-2:19',
      'apt-get-missing-no-install-recommends Information 2:23-2:30',
      'apt-get-missing-yes Warning 2:23-2:30',
    ]);
    const rest = ['COPY fetch.sh /usr/local/bin/fetch', 'USER 65534', 'ENTRYPOINT ["/usr/local/bin/fetch"]'];

    // Both apt-get-missing-* findings are on the `apt-get` word: the menu lists the actions of both,
    // the safe -y first (preferred).
    let actions = await fixesFor(uri, findDiagnostic(uri, 'apt-get-missing-yes'));
    assert.deepEqual(actions.map((a) => a.title), [
      'Add -y',
      'Add --no-install-recommends (unsafe: installs fewer packages)',
      'Ignore apt-get-missing-no-install-recommends for this line',
      'Show documentation for apt-get-missing-no-install-recommends',
      'Ignore apt-get-missing-yes for this line',
      'Show documentation for apt-get-missing-yes',
    ]);
    await apply(byTitle(actions, 'Add -y'));
    await expectText(document, lines('FROM ubuntu:24.04', 'RUN apt-get update && apt-get install -y jq=1.7.1-3build1', ...rest), '-y after install');
    await expectDiagnostics(uri, ['apt-lists-not-removed Information 2:5-2:19', 'apt-get-missing-no-install-recommends Information 2:23-2:30']);

    actions = await fixesFor(uri, findDiagnostic(uri, 'apt-get-missing-no-install-recommends'));
    const unsafe = byTitle(actions, 'Add --no-install-recommends (unsafe: installs fewer packages)');
    assert.equal(unsafe.isPreferred, false);
    await apply(unsafe);
    await expectText(document, lines('FROM ubuntu:24.04', 'RUN apt-get update && apt-get install --no-install-recommends -y jq=1.7.1-3build1', ...rest), '--no-install-recommends after install');
    await expectDiagnostics(uri, ['apt-lists-not-removed Information 2:5-2:19']);

    actions = await fixesFor(uri, findDiagnostic(uri, 'apt-lists-not-removed'));
    await apply(byTitle(actions, 'Append rm -rf /var/lib/apt/lists/*'));
    await expectText(document, lines(
      'FROM ubuntu:24.04',
      'RUN apt-get update && apt-get install --no-install-recommends -y jq=1.7.1-3build1 && \\',
      '    rm -rf /var/lib/apt/lists/*',
      ...rest,
    ), 'rm -rf /var/lib/apt/lists/* appended');
    await expectDiagnostics(uri, []);
  });
});
