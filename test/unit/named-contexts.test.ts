// Named build contexts (compose `additional_contexts`, bake `contexts`, `--build-context`): `FROM name`,
// `COPY --from=name` and `RUN --mount=from=name` read the context. A `docker-image://` context is the image every
// image rule judges; any other context (a folder, another build's target, a URL, an OCI layout) is no registry
// image; a context named like a stage replaces that stage, as in BuildKit.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel, lintIncremental, lintModel, lintText, type BuildInvocation, type LintOptions } from '../../server/src/engine';
import { familiarName } from '../../server/src/engine/model/named-contexts';
import { hoverAt } from '../../server/src/engine/ide/hover';
import { pinnableStages } from '../../server/src/engine/refactor/pin-digest';
import { neededStages } from '../../server/src/engine/model/stage-graph';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';

before(async () => { await initShellParser(); });

const options: LintOptions = { settings: { today: '2026-12-01' } };

/** The findings as `rule "text" message`, in order. */
function lint(text: string, invocation?: BuildInvocation, extra: LintOptions = {}): string[] {
  return lintText(text, { ...options, ...extra, invocation }).findings.map((f) => `${f.rule} ${JSON.stringify(text.slice(f.start, f.end))} ${f.message}`);
}

const only = (rules: string[], findings: string[]) => findings.filter((f) => rules.some((r) => f.startsWith(`${r} `)));
const IMAGE_RULES = ['base-image-untagged', 'base-image-latest', 'eol-base-image', 'deprecated-base-image', 'full-base-image-in-final-stage', 'trusted-registry'];
const contexts = (c: Record<string, string>): BuildInvocation => ({ contexts: c });

// A base the build gives by name: alone, Docker would pull `base` from Docker Hub.
const ON_BASE = 'FROM base\nUSER 65532\nCMD ["python", "app.py"]\n';

describe('context names', () => {
  it('compare in their familiar form, as BuildKit does', () => {
    assert.equal(familiarName('docker.io/library/alpine:latest'), 'alpine');
    assert.equal(familiarName('library/alpine'), 'alpine');
    assert.equal(familiarName('index.docker.io/acme/base:1'), 'acme/base:1');
    assert.equal(familiarName('ghcr.io/library/tool'), 'ghcr.io/library/tool');
    assert.equal(familiarName('Base'), 'base');
    assert.equal(familiarName('alpine:3.21'), 'alpine:3.21');
  });

  it('match FROM written in another form of the same name', () => {
    const model = new DockerfileModel('FROM docker.io/library/alpine:latest\n', undefined, contexts({ alpine: 'docker-image://alpine:3.21' }));
    assert.equal(model.stages[0].image.resolved, 'alpine:3.21');
    assert.equal(model.stages[0].image.context?.name, 'alpine');
  });
});

describe('FROM a docker-image:// context', () => {
  it('is that image for every image rule, reported where FROM names it and pointing at the context', () => {
    assert.deepEqual(only(IMAGE_RULES, lint(ON_BASE)), ['base-image-untagged "base" Base image base has no tag, so every build pulls whatever "latest" is that day']);
    const declaredAt = { 'context:base': { file: 'file:///p/compose.yaml', line: 7, label: 'compose service api' } };
    const result = lintText(ON_BASE, { ...options, invocation: { contexts: { base: 'docker-image://python:3.8-slim' }, declaredAt } });
    const findings = only(IMAGE_RULES, result.findings.map((f) => `${f.rule} ${JSON.stringify(ON_BASE.slice(f.start, f.end))} ${f.message}`));
    assert.deepEqual(findings, ['eol-base-image "base" python 3.8 reached end of life on 2024-10-07; supported: 3.11, 3.12, 3.13, 3.14']);
    assert.deepEqual(result.findings.find((f) => f.rule === 'eol-base-image')!.related, [declaredAt['context:base']]);
    // No fix edits the Dockerfile: the image is written in the compose file.
    assert.deepEqual(result.findings.find((f) => f.rule === 'eol-base-image')!.fixes, []);
  });

  it('is not pinned in the Dockerfile: a digest there would rename the context', () => {
    const text = 'FROM alpine\n';
    assert.equal(pinnableStages(new DockerfileModel(text).stages).length, 1);
    assert.equal(pinnableStages(new DockerfileModel(text, undefined, contexts({ alpine: 'docker-image://alpine' })).stages).length, 0);
  });

  it('untagged or latest, as if written', () => {
    assert.deepEqual(only(IMAGE_RULES, lint(ON_BASE, contexts({ base: 'docker-image://alpine' }))), ['base-image-untagged "base" Base image alpine has no tag, so every build pulls whatever "latest" is that day']);
    assert.deepEqual(only(IMAGE_RULES, lint(ON_BASE, contexts({ base: 'docker-image://alpine:latest' }))), ['base-image-latest "base" Base image alpine:latest uses the moving "latest" tag; pin a version']);
    assert.deepEqual(only(IMAGE_RULES, lint(ON_BASE, contexts({ base: 'docker-image://alpine:3.23' }))), []);
  });

  it('is what the registry allow-list checks, in FROM and in COPY --from', () => {
    const trusted = { settings: { ...options.settings, trustedRegistries: ['registry.example.com'] } };
    const text = 'FROM base\nCOPY --from=tools /bin/tool /bin/tool\n';
    assert.deepEqual(only(['trusted-registry'], lint(text, undefined, trusted)), [
      'trusted-registry "base" `base` comes from Docker Hub, which is not in trustedRegistries',
      'trusted-registry "tools" `tools` comes from Docker Hub, which is not in trustedRegistries',
    ]);
    assert.deepEqual(only(['trusted-registry'], lint(text, contexts({ base: 'docker-image://registry.example.com/base:1', tools: 'docker-image://ghcr.io/acme/tools:2' }), trusted)), [
      'trusted-registry "tools" `ghcr.io/acme/tools:2` comes from registry `ghcr.io`, which is not in trustedRegistries',
    ]);
    assert.deepEqual(only(['trusted-registry'], lint(text, contexts({ base: './base', tools: 'target:tools' }), trusted)), []);
  });
});

describe('FROM a context that is no image', () => {
  for (const value of ['./base', '../shared/base', 'target:base', 'service:base', 'oci-layout:///tmp/layout', 'https://github.com/acme/base.git']) {
    it(`${value}: no tag, registry or lifecycle finding; the base is unknown`, () => {
      const model = new DockerfileModel(ON_BASE, undefined, contexts({ base: value }));
      const { image } = model.stages[0];
      assert.equal(image.resolved, '');
      assert.equal(image.context?.value, value);
      const trusted = { settings: { ...options.settings, trustedRegistries: ['registry.example.com'] } };
      assert.deepEqual(only(IMAGE_RULES, lint(ON_BASE, contexts({ base: value }), trusted)), []);
    });
  }

  it('the written name of an untagged deprecated or end-of-life image is not judged', () => {
    const text = 'FROM python:3.8\nUSER 65532\nCMD ["python", "app.py"]\n';
    assert.deepEqual(only(IMAGE_RULES, lint(text)).map((f) => f.split(' ')[0]), ['eol-base-image', 'full-base-image-in-final-stage']);
    assert.deepEqual(only(IMAGE_RULES, lint(text, contexts({ 'python:3.8': './python' }))), []);
  });
});

describe('a context named like a stage', () => {
  const TEXT = [
    'FROM golang:1.23 AS build',
    'RUN go build -o /out/app .',
    'FROM build AS tested',
    'RUN go test ./...',
    'FROM gcr.io/distroless/static-debian12',
    'COPY --from=build /out/app /app',
    'RUN --mount=from=build,target=/b ls /b',
    '',
  ].join('\n');

  it('replaces it: FROM, --from and mount from= read the context, not the stage', () => {
    const plain = new DockerfileModel(TEXT);
    assert.equal(plain.stages[1].parent, plain.stages[0]);
    assert.equal(plain.stages[0].references.length, 3);
    const model = new DockerfileModel(TEXT, undefined, contexts({ build: 'docker-image://ghcr.io/acme/app-build:1.4' }));
    assert.equal(model.stages[0].context?.value, 'docker-image://ghcr.io/acme/app-build:1.4');
    assert.equal(model.stageByName('build'), undefined);
    assert.equal(model.stageByName('0'), undefined);
    assert.equal(model.stages[1].parent, undefined);
    assert.equal(model.stages[1].image.resolved, 'ghcr.io/acme/app-build:1.4');
    assert.deepEqual(model.stages[0].references, []);
  });

  it('is still a stage the file needs (builds without the context use it): not reported unreachable', () => {
    const model = new DockerfileModel(TEXT, undefined, contexts({ build: './prebuilt' }));
    assert.ok(neededStages(model)!.has(model.stages[0]));
    assert.deepEqual(only(['unreachable-stage', 'copy-from-unknown-stage'], lint(TEXT, contexts({ build: './prebuilt' }))), []);
  });

  it('takes a stage number with it, and a new stage name is never a context name', () => {
    const text = 'FROM golang:1.23\nRUN go build -o /out/app .\nFROM alpine:3.21\nCOPY --from=0 /out/app /app\n';
    const fixOf = (invocation?: BuildInvocation) => lintText(text, { ...options, invocation }).findings.find((f) => f.rule === 'copy-from-stage-index')?.fixes[0]?.title;
    assert.equal(fixOf(), 'Name stage 0 `golang` and use the name');
    assert.equal(fixOf(contexts({ golang: 'docker-image://golang:1.23' })), 'Name stage 0 `golang-stage` and use the name');
  });
});

describe('COPY --from a context', () => {
  it('is no unknown stage: not a misspelt stage, not one defined later', () => {
    const text = 'FROM alpine:3.21 AS bulid\nRUN touch /a\nFROM alpine:3.21\nCOPY --from=build /a /a\nCOPY --from=assets /b /b\nFROM alpine:3.21 AS assets\n';
    assert.deepEqual(only(['copy-from-unknown-stage'], lint(text)), [
      'copy-from-unknown-stage "build" No stage `build` is defined above (did you mean `bulid`?); Docker would pull an image named `build`',
      'copy-from-unknown-stage "assets" Stage `assets` is defined further down; define it before the stage that copies from it',
    ]);
    assert.deepEqual(only(['copy-from-unknown-stage'], lint(text, contexts({ build: '../build', assets: 'target:assets' }))), []);
  });
});

describe('the hover on FROM name', () => {
  const hover = (invocation: BuildInvocation) => hoverAt(new DockerfileModel(ON_BASE, undefined, invocation), [], 6, { today: '2026-12-01', keywords: false })?.markdown;

  it('says which context the build gives, and for an image what is known of it', () => {
    assert.equal(hover(contexts({ base: './base' })), '**base**\n\nThe build gives `base` as a named context: `./base`.');
    assert.equal(hover({ localImages: { base: 'compose service base' } }), '**base**\n\nAn image this project builds (compose service base): the build uses the local one, not a registry\'s.');
    assert.equal(hover(contexts({ base: 'docker-image://alpine:3.23' })), '**alpine:3.23**\n\nThe build gives `base` as a named context: `docker-image://alpine:3.23`.\n\nDocker official image `alpine` · Alpine based');
  });
});

describe('a model linted with contexts it was not built with', () => {
  it('is built again with them, also incrementally', () => {
    // Built for a build with the same target and args, without the context.
    const model = new DockerfileModel(ON_BASE, undefined, contexts({}));
    const rules = (findings: Array<{ rule: string }>) => findings.map((f) => f.rule).filter((r) => IMAGE_RULES.includes(r));
    assert.deepEqual(rules(lintModel(model, options).findings), ['base-image-untagged']);
    assert.deepEqual(rules(lintModel(model, { ...options, invocation: contexts({ base: './base' }) }).findings), []);
    const first = lintIncremental(model, { ...options, invocation: contexts({}) });
    assert.deepEqual(rules(first.result.findings), ['base-image-untagged']);
    assert.deepEqual(rules(lintIncremental(model, { ...options, invocation: contexts({ base: './base' }) }, first.memo).result.findings), []);
  });
});

describe('without contexts', () => {
  it('nothing changes: no invocation, an empty list, contexts no name in the file reads', () => {
    const texts = [ON_BASE, 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine\nCOPY --from=build /out/app /app\nCOPY --from=bulid /x /x\n', 'FROM python:3.8\nCMD ["python"]\n'];
    for (const text of texts) {
      const plain = lint(text);
      assert.ok(plain.length > 0);
      assert.deepEqual(lint(text, contexts({})), plain);
      assert.deepEqual(lint(text, contexts({ other: 'docker-image://alpine:latest', docs: './docs' })), plain);
    }
  });
});
