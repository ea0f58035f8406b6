// A build's invocation (compose `build: { args, target }`, a bake target, `--build-arg`/`--target`): args fill the
// ARGs the file declares, the target decides which stage ships, and every rule judges that build.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allRules, DockerfileModel, lintIncremental, lintModel, lintText, type BuildInvocation, type LintOptions } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { builtStages, neededStages } from '../../server/src/engine/model/stage-graph';

before(async () => { await initShellParser(); });

const options: LintOptions = { settings: { today: '2026-12-01' } };

/** The findings as `rule "text"`, in order. */
function lint(text: string, invocation?: BuildInvocation, extra: LintOptions = {}): string[] {
  return lintText(text, { ...options, ...extra, invocation }).findings.map((f) => `${f.rule} ${JSON.stringify(text.slice(f.start, f.end))}`);
}

const only = (rule: string, findings: string[]) => findings.filter((f) => f.startsWith(`${rule} `));

// A service stage with build tools, a release stage built from what it makes, and a debug stage on top of release.
const STAGES = `FROM python:3.13-slim AS app
WORKDIR /srv
RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
EXPOSE 8000
CMD ["python", "app.py"]

FROM python:3.13-slim AS release
COPY --from=app /srv /srv
USER 65532
EXPOSE 8000
HEALTHCHECK CMD ["python", "/srv/health.py"]
CMD ["python", "/srv/app.py"]

FROM release AS debug
USER root
`;

describe('build args', () => {
  it('resolve FROM ${BASE}: the image rules judge the image the build uses', () => {
    const text = 'ARG PY=3.13\nFROM python:${PY}-slim\nUSER 65532\nCMD ["python", "app.py"]\n';
    assert.equal(new DockerfileModel(text).stages[0].image.resolved, 'python:3.13-slim');
    const model = new DockerfileModel(text, undefined, { args: { PY: '3.8' } });
    assert.equal(model.stages[0].image.resolved, 'python:3.8-slim');
    assert.deepEqual(model.globalArgs.get('PY'), { ...model.globalArgs.get('PY')!, value: '3.8', given: true });
    assert.deepEqual(only('eol-base-image', lint(text)), []);
    assert.deepEqual(only('eol-base-image', lint(text, { args: { PY: '3.8' } })), ['eol-base-image "python:${PY}-slim"']);
  });

  it('fill a global ARG without a default, and base-image-latest judges the tag given', () => {
    const text = 'ARG TAG\nFROM nginx:${TAG}\n';
    assert.deepEqual(only('base-image-latest', lint(text, { args: { TAG: 'latest' } })), ['base-image-latest "nginx:${TAG}"']);
    assert.deepEqual(only('base-image-latest', lint(text, { args: { TAG: '1.27' } })), []);
    assert.equal(new DockerfileModel(text, undefined, { args: { TAG: '1.27' } }).stages[0].image.resolved, 'nginx:1.27');
  });

  it('override an ARG default inside a stage, after its ARG line only', () => {
    const text = 'FROM alpine:3.21\nRUN echo $VERSION\nARG VERSION=1.0\nRUN echo $VERSION\n';
    const model = new DockerfileModel(text, undefined, { args: { VERSION: '2.0' } });
    const [, early, , late] = model.stages[0].instructions;
    assert.equal(model.lookupVariable('VERSION', early), undefined);
    const found = model.lookupVariable('VERSION', late)!;
    assert.equal(found.value, '2.0');
    assert.equal(found.given, true);
    assert.equal(new DockerfileModel(text).lookupVariable('VERSION', late)!.value, '1.0');
  });

  it('reach a stage through `ARG NAME` redeclaring a global ARG, and a stage ARG without a default', () => {
    const text = 'ARG MODE=prod\nFROM alpine:3.21\nARG MODE\nARG EXTRA\nRUN echo $MODE $EXTRA\n';
    const model = new DockerfileModel(text, undefined, { args: { MODE: 'dev', EXTRA: 'x' } });
    const run = model.stages[0].instructions[3];
    assert.equal(model.lookupVariable('MODE', run)!.value, 'dev');
    assert.equal(model.lookupVariable('EXTRA', run)!.value, 'x');
    assert.equal(new DockerfileModel(text).lookupVariable('MODE', run)!.value, 'prod');
  });

  it('change nothing for an ARG the file does not declare (BuildKit ignores it too)', () => {
    const text = 'ARG PY=3.13\nFROM python:${PY}-slim\nRUN echo $OTHER\nCMD ["python", "app.py"]\n';
    const model = new DockerfileModel(text, undefined, { args: { OTHER: 'x', py: '3.8' } });
    assert.equal(model.globalArgs.has('OTHER'), false);
    assert.equal(model.lookupVariable('OTHER', model.stages[0].instructions[1]), undefined);
    assert.equal(model.stages[0].image.resolved, 'python:3.13-slim', 'names are case-sensitive');
    // Only build-arg-not-declared says so (at the first FROM: nothing in the file is wrong).
    const passed = lint(text, { args: { OTHER: 'x' } });
    assert.deepEqual(passed.filter((f) => !f.startsWith('build-arg-not-declared ')), lint(text));
    assert.deepEqual(only('build-arg-not-declared', passed), ['build-arg-not-declared "FROM python:${PY}-slim"']);
  });

  it('leave invalid-default-arg-in-from judging the file\'s defaults, as BuildKit\'s check does', () => {
    const text = 'ARG TAG=:\nFROM alpine${TAG}\n';
    assert.deepEqual(only('invalid-default-arg-in-from', lint(text)), ['invalid-default-arg-in-from "alpine${TAG}"']);
    assert.deepEqual(only('invalid-default-arg-in-from', lint(text, { args: { TAG: ':3.21' } })), ['invalid-default-arg-in-from "alpine${TAG}"']);
    assert.deepEqual(only('invalid-default-arg-in-from', lint('ARG TAG=:3.21\nFROM alpine${TAG}\n', { args: { TAG: ':' } })), []);
  });
});

describe('build target', () => {
  it('makes the named stage the final one; the stages after it do not ship', () => {
    const model = new DockerfileModel(STAGES, undefined, { target: 'app' });
    const [app, release, debug] = model.stages;
    assert.equal(model.targetStage, app);
    assert.equal(model.finalStage, app);
    assert.deepEqual(model.stages.map((s) => [s.isFinal, s.ships]), [[true, true], [false, false], [false, false]]);
    assert.equal(model.isRunImage(app), true);
    assert.equal(model.isRunImage(release), false, 'a stage with its own CMD is not run when the target is another');
    assert.equal(model.isRunImage(debug), false);
    const untargeted = new DockerfileModel(STAGES);
    assert.deepEqual(untargeted.stages.map((s) => [s.isFinal, s.ships]), [[false, true], [false, true], [true, true]]);
    assert.equal(untargeted.targetStage, undefined);
  });

  it('ships the stages the target is built FROM', () => {
    const model = new DockerfileModel(STAGES, undefined, { target: 'debug' });
    assert.deepEqual(model.stages.map((s) => [s.isFinal, s.ships]), [[false, false], [false, true], [true, true]]);
    const release = new DockerfileModel(STAGES, undefined, { target: 'release' });
    assert.deepEqual(release.stages.map((s) => [s.isFinal, s.ships]), [[false, false], [true, true], [false, false]]);
  });

  it('has the final-stage rules judge a middle target: findings differ from the untargeted lint', () => {
    const rules = ['runs-as-root', 'last-user-root', 'missing-healthcheck', 'build-toolchain-in-final-stage'];
    const judged = (invocation?: BuildInvocation) => lint(STAGES, invocation).filter((f) => rules.some((r) => f.startsWith(`${r} `)));
    assert.deepEqual(judged(), ['last-user-root "root"']);
    assert.deepEqual(judged({ target: 'app' }), [
      'runs-as-root "python:3.13-slim"',
      'build-toolchain-in-final-stage "gcc"',
      'missing-healthcheck "EXPOSE"',
    ]);
    assert.deepEqual(judged({ target: 'release' }), []);
  });

  it('has the rules about the image that runs skip a stage with its own CMD that another target leaves unbuilt', () => {
    const text = 'FROM debian:12-slim AS web\nRUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*\nCMD ["nginx", "-g", "daemon off;"]\n\nFROM alpine:3.21 AS tools\nCMD ["sh"]\n';
    assert.deepEqual(only('stopsignal-mismatch', lint(text)), ['stopsignal-mismatch "nginx"']);
    assert.deepEqual(only('stopsignal-mismatch', lint(text, { target: 'web' })), ['stopsignal-mismatch "nginx"']);
    assert.deepEqual(only('stopsignal-mismatch', lint(text, { target: 'tools' })), []);
  });

  it('compares the target with stage names case-insensitively', () => {
    const model = new DockerfileModel(STAGES, undefined, { target: 'RELEASE' });
    assert.equal(model.targetStage, model.stages[1]);
    assert.deepEqual(lint(STAGES, { target: 'Release' }), lint(STAGES, { target: 'release' }));
  });

  it('keeps the last stage for a target that names no stage (an index is no name), and says so', () => {
    for (const target of ['nope', '0', '']) {
      const model = new DockerfileModel(STAGES, undefined, { target });
      assert.equal(model.targetStage, undefined, target);
      assert.equal(model.finalStage, model.stages[2], target);
      assert.deepEqual(model.stages.map((s) => s.ships), [true, true, true], target);
      // Nothing else changes; target-stage-not-found says so (an empty target is no target).
      const built = lint(STAGES, { target });
      assert.deepEqual(built.filter((f) => !f.startsWith('target-stage-not-found ')), lint(STAGES), target);
      assert.deepEqual(only('target-stage-not-found', built), target ? ['target-stage-not-found "FROM python:3.13-slim"'] : [], target);
    }
  });

  it('adds the target to the builds unreachable-stage counts, and keeps the last stage one of them', () => {
    const text = 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.21 AS test\nRUN echo ok\nFROM alpine:3.21\nCOPY --from=test /etc/os-release /x\n';
    assert.deepEqual(only('unreachable-stage', lint(text, undefined, { severities: { 'unreachable-stage': 'warning' } })), ['unreachable-stage "build"']);
    assert.deepEqual(only('unreachable-stage', lint(text, { target: 'build' }, { severities: { 'unreachable-stage': 'warning' } })), []);
    assert.deepEqual(only('unreachable-stage', lint(text, { target: 'test' }, { severities: { 'unreachable-stage': 'warning' } })), ['unreachable-stage "build"']);
  });

  it('is what a view of one stage sees', () => {
    const model = new DockerfileModel(STAGES, undefined, { target: 'app' });
    const view = model.viewOf(model.stages[1].instructions, [model.stages[1]]);
    assert.equal(view.finalStage, model.stages[0]);
    assert.equal(view.targetStage, model.stages[0]);
    assert.deepEqual(view.invocation, { target: 'app' });
    assert.equal(view.isRunImage(model.stages[1]), false);
  });
});

describe('the invocation over edits', () => {
  const invocation: BuildInvocation = { target: 'app', args: { PY: '3.8' } };
  const text = `ARG PY=3.13\n${STAGES.replace('FROM python:3.13-slim AS app', 'FROM python:${PY}-slim AS app')}`;

  it('is kept by a model built from the previous one without an invocation, and replaced by a given one', () => {
    const first = new DockerfileModel(text, undefined, invocation);
    const edited = text.replace('RUN pip install', 'RUN pip install --upgrade pip && pip install');
    const next = new DockerfileModel(edited, first);
    assert.equal(next.invocation, invocation);
    assert.equal(next.stages[0].image.resolved, 'python:3.8-slim');
    assert.equal(next.finalStage, next.stages[0]);
    const other = new DockerfileModel(edited, first, { target: 'debug' });
    assert.equal(other.finalStage, other.stages[2]);
    assert.equal(other.stages[0].image.resolved, 'python:3.13-slim');
  });

  it('lints a model with the invocation it was built with, or the one the options give', () => {
    const plain = new DockerfileModel(text);
    const withIt = lintModel(new DockerfileModel(text, undefined, invocation), options).findings;
    assert.deepEqual(lintModel(plain, { ...options, invocation }).findings, withIt);
    assert.deepEqual(lintModel(plain, { ...options, invocation }).model.invocation, invocation);
    assert.deepEqual(lintText(text, { ...options, invocation }).findings, withIt);
    assert.notDeepEqual(lintModel(plain, options).findings, withIt);
  });

  it('gives exactly a full lint\'s findings in the incremental lint, and never reuses a memo across invocations', () => {
    const every: LintOptions = { ...options, severities: Object.fromEntries(allRules.map((r) => [r.meta.id, 'warning' as const])) };
    const edits = [
      (t: string) => t.replace('USER 65532', 'USER 65532\nRUN echo release'),
      (t: string) => t.replace('AS app', 'AS application'),
      (t: string) => t.replace('AS application', 'AS app'),
      (t: string) => t.replace('FROM release AS debug', 'FROM release AS debug\nEXPOSE 9000'),
    ];
    for (const inv of [invocation, { target: 'debug' }, { args: { PY: '3.9' } }]) {
      let current = text;
      let run = lintIncremental(new DockerfileModel(current, undefined, inv), every);
      for (const edit of edits) {
        current = edit(current);
        run = lintIncremental(new DockerfileModel(current, run.result.model), every, run.memo);
        assert.deepEqual(run.result.findings, lintText(current, { ...every, invocation: inv }).findings, `${JSON.stringify(inv)}: ${current}`);
      }
    }
    // The same document, linted under one invocation then another with the first one's memo.
    const first = lintIncremental(new DockerfileModel(text, undefined, invocation), every);
    const switched = lintIncremental(new DockerfileModel(text, first.result.model, { target: 'release' }), every, first.memo);
    assert.deepEqual(switched.result.findings, lintText(text, { ...every, invocation: { target: 'release' } }).findings);
    const byOptions = lintIncremental(first.result.model, { ...every, invocation: { target: 'release' } }, first.memo);
    assert.deepEqual(byOptions.result.findings, switched.result.findings);
    assert.notDeepEqual(first.result.findings, switched.result.findings);
    // Args alone: every unit reads the same, only the image of the first stage differs.
    const newer = lintIncremental(new DockerfileModel(text, first.result.model, { target: 'app', args: { PY: '3.13' } }), every, first.memo);
    assert.deepEqual(newer.result.findings, lintText(text, { ...every, invocation: { target: 'app', args: { PY: '3.13' } } }).findings);
    assert.notDeepEqual(newer.result.findings, first.result.findings);
  });
});

describe('the stages builds need', () => {
  // A compose file builds `target: deps` for a CI service and `target: prod` for the app, from this one file.
  const text = 'FROM node:22 AS deps\nRUN npm ci\nFROM deps AS test\nRUN npm test\nFROM node:22 AS web-build\nRUN npm run build\nFROM nginx:1.27 AS prod\nCOPY --from=web-build /app/dist /usr/share/nginx/html\nFROM prod AS debug\n';
  const names = (stages: Set<{ alias?: string }> | undefined) => (stages ? [...stages].map((s) => s.alias).sort() : undefined);
  it('every target some build of the file names is a root of the needed stages, in any case', () => {
    assert.deepEqual(names(neededStages(new DockerfileModel(text, undefined, { target: 'prod' }))), ['debug', 'prod', 'web-build']);
    assert.deepEqual(names(neededStages(new DockerfileModel(text, undefined, { target: 'prod', builtTargets: ['prod', 'Deps'] }))), ['debug', 'deps', 'prod', 'web-build']);
  });
  it('this build runs its target and what it needs only; the last stage without a target; nothing known for a target that names no stage', () => {
    assert.deepEqual(names(builtStages(new DockerfileModel(text, undefined, { target: 'test', builtTargets: ['test', 'prod'] }))), ['deps', 'test']);
    assert.deepEqual(names(builtStages(new DockerfileModel(text))), ['debug', 'prod', 'web-build']);
    assert.equal(builtStages(new DockerfileModel(text, undefined, { target: 'release' })), undefined);
  });
});

describe('a model built for one invocation is not reused for another the rules can tell apart', () => {
  const text = 'FROM alpine:3.24\nRUN --mount=type=secret,id=npm cat /run/secrets/npm\n';
  it('secrets and where the build is declared count, not only the target and args', () => {
    const at = (label: string) => ({ '': { file: 'file:///p/compose.yaml', line: 2, label } });
    const api: BuildInvocation = { secrets: ['npm'], declaredAt: at('compose service api') };
    const model = new DockerfileModel(text, undefined, api);
    const secrets = lintModel(model, { ...options, invocation: { secrets: [], declaredAt: at('compose service web') } }).findings.filter((f) => f.rule === 'secret-not-provided');
    assert.deepEqual(secrets.map((f) => f.related?.map((r) => r.label)), [['compose service web']]);
    // The same invocation again, as another object: the model is reused and judged alike.
    assert.deepEqual(lintModel(model, { ...options, invocation: { secrets: ['npm'], declaredAt: at('compose service api') } }).findings.filter((f) => f.rule === 'secret-not-provided'), []);
    // Which args are shared decides build-arg-not-declared.
    const plain = new DockerfileModel('FROM alpine:3.24\n', undefined, { args: { JAVA_MAJOR: '17' } });
    const undeclared = (invocation: BuildInvocation) => lintModel(plain, { ...options, invocation }).findings.filter((f) => f.rule === 'build-arg-not-declared').length;
    assert.deepEqual([undeclared({ args: { JAVA_MAJOR: '17' } }), undeclared({ args: { JAVA_MAJOR: '17' }, sharedArgs: ['JAVA_MAJOR'] })], [1, 0]);
  });
});

describe('FROM an image another compose service builds', () => {
  const text = 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nUSER 1000\nCMD ["run"]\n';
  const invocation: BuildInvocation = { args: { BASE_IMAGE: 'sentry-self-hosted-local' }, localImages: { 'sentry-self-hosted-local': 'compose service web' } };
  it('is the local image, never pulled: no tag or registry rule judges it', () => {
    assert.deepEqual(lint(text, invocation).filter((f) => f.startsWith('base-image')), []);
    assert.deepEqual(lint(text, { args: invocation.args }).filter((f) => f.startsWith('base-image')), ['base-image-untagged "${BASE_IMAGE}"']);
  });
  it('a stage of that name is still the stage', () => {
    const model = new DockerfileModel('FROM alpine:3.24 AS base\nFROM base\n', undefined, { localImages: { base: 'compose service base' } });
    assert.equal(model.stages[1].parent, model.stages[0]);
    assert.equal(model.stages[1].image.builtBy, undefined);
  });
});
