// Compose files read into invocations: the context, Dockerfile, args, target, platforms, secrets and named
// contexts `docker compose build` would use, from real-shaped projects; broken files give problems, never throw.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { composeInvocations, interpolate, parseDotEnv } from '../../server/src/engine/invocation/compose';
import { bakeProjectFiles, composeProjectFiles, invocationsFor } from '../../server/src/engine/invocation/discover';

const MONOREPO = `# Three services built from the repository root, each with its own Dockerfile.
name: shop
x-node-args: &node-args
  NODE_VERSION: \${NODE_VERSION:-20}

services:
  api:
    build:
      context: .
      dockerfile: services/api/Dockerfile
      target: runtime
      args:
        <<: *node-args
        APP: api
    ports: ["8080:8080"]
  web:
    build:
      context: .
      dockerfile: services/web/Dockerfile
      args:
        - APP=web
        - NPM_TOKEN
        - PUBLIC_URL=\${PUBLIC_URL-https://shop.example}
      platforms: [linux/amd64, linux/arm64]
  worker:
    build:
      context: ./
      dockerfile: ./services/worker/Dockerfile.prod
      secrets:
        - npm_token
        - source: pip_conf
          target: pipconf
      additional_contexts:
        shared: ./libs/shared
        base: docker-image://python:3.12-slim
  db:
    image: postgres:16
secrets:
  npm_token:
    environment: NPM_TOKEN
  pip_conf:
    file: ./pip.conf
`;

describe('compose: a monorepo building three services from the root', () => {
  const { invocations, problems } = composeInvocations([{ path: 'compose.yaml', text: MONOREPO }], { NPM_TOKEN: 'abc' });
  it('finds one invocation per service with build, none for image-only services', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(invocations.map((i) => i.name), ['api', 'web', 'worker']);
  });
  it('reads context, Dockerfile, target and args (YAML merge keys, defaults, list form, from env)', () => {
    assert.deepEqual(invocations[0], {
      source: { kind: 'compose', file: 'compose.yaml', line: 7 },
      name: 'api',
      context: '.',
      dockerfile: 'services/api/Dockerfile',
      args: { NODE_VERSION: '20', APP: 'api' },
      // Through the merge key: the same for every service that merges the anchor.
      sharedArgs: ['NODE_VERSION'],
      target: 'runtime',
      platforms: [],
      secrets: [],
      additionalContexts: {},
      // NODE_VERSION comes through the merge key: it is written at the anchor. Each name's column and length too.
      declaredAt: { target: { file: 'compose.yaml', line: 11 }, 'arg:APP': { file: 'compose.yaml', line: 14, column: 8, length: 3 }, 'arg:NODE_VERSION': { file: 'compose.yaml', line: 4, column: 2, length: 12 } },
    });
    assert.deepEqual(invocations[1].args, { APP: 'web', NPM_TOKEN: 'abc', PUBLIC_URL: 'https://shop.example' });
    assert.deepEqual(invocations[1].platforms, ['linux/amd64', 'linux/arm64']);
    assert.equal(invocations[1].target, undefined);
  });
  it('reads secrets in short and long syntax (the long one by its target id), and additional contexts', () => {
    assert.equal(invocations[2].dockerfile, 'services/worker/Dockerfile.prod');
    assert.deepEqual(invocations[2].secrets, ['npm_token', 'pipconf']);
    assert.deepEqual(invocations[2].additionalContexts, { shared: 'libs/shared', base: 'docker-image://python:3.12-slim' });
  });
  it('records the line of each target, args entry (list items too), secret (by id) and additional context', () => {
    assert.deepEqual(invocations[1].declaredAt, { 'arg:APP': { file: 'compose.yaml', line: 21, column: 10, length: 3 }, 'arg:NPM_TOKEN': { file: 'compose.yaml', line: 22, column: 10, length: 9 }, 'arg:PUBLIC_URL': { file: 'compose.yaml', line: 23, column: 10, length: 10 } });
    assert.deepEqual(invocations[2].declaredAt, {
      'secret:npm_token': { file: 'compose.yaml', line: 30 },
      'secret:pipconf': { file: 'compose.yaml', line: 31 },
      'context:shared': { file: 'compose.yaml', line: 34, column: 8, length: 6 },
      'context:base': { file: 'compose.yaml', line: 35, column: 8, length: 4 },
    });
  });
  it('where each arg\'s name is written: after a quote, in a quoted list item; none for a name interpolation makes', () => {
    const text = 'services:\n  app:\n    build:\n      context: .\n      args:\n        "QUOTED": "1"\n  job:\n    build:\n      context: .\n      args:\n        - "LISTED=3"\n        - ${PREFIX}_VERSION=2\n';
    const { invocations } = composeInvocations([{ path: 'compose.yaml', text }], { PREFIX: 'NODE' });
    assert.deepEqual(invocations.map((i) => i.declaredAt), [
      { 'arg:QUOTED': { file: 'compose.yaml', line: 6, column: 9, length: 6 } },
      { 'arg:LISTED': { file: 'compose.yaml', line: 11, column: 11, length: 6 }, 'arg:NODE_VERSION': { file: 'compose.yaml', line: 12 } },
    ]);
  });
  it('an args entry whose value comes from nowhere is not passed, so it has no place', () => {
    const { invocations: without } = composeInvocations([{ path: 'compose.yaml', text: MONOREPO }], {});
    assert.equal(without[1].declaredAt?.['arg:NPM_TOKEN'], undefined);
    assert.deepEqual(without[1].declaredAt?.['arg:APP'], { file: 'compose.yaml', line: 21, column: 10, length: 3 });
  });
  it('invocationsFor picks the ones that build a Dockerfile', () => {
    assert.deepEqual(invocationsFor('services/web/Dockerfile', invocations).map((i) => i.name), ['web']);
    assert.deepEqual(invocationsFor('./services/worker/Dockerfile.prod', invocations).map((i) => i.name), ['worker']);
    assert.deepEqual(invocationsFor('Dockerfile', invocations), []);
  });
});

describe('compose: build secrets', () => {
  const text = `services:
  api:
    build:
      context: .
      secrets:
        - source: npm_token
        - source: pip_conf
          target: pipconf
    secrets:
      - db_password
secrets:
  npm_token:
    environment: NPM_TOKEN
  pip_conf:
    file: ./pip.conf
  db_password:
    file: ./db_password.txt
`;
  it('the long syntax without target gives the source as id; the service\'s own secrets are for the container, not the build', () => {
    const { invocations, problems } = composeInvocations([{ path: 'compose.yaml', text }], {});
    assert.deepEqual(problems, []);
    assert.deepEqual(invocations[0].secrets, ['npm_token', 'pipconf']);
  });
});

describe('compose: files in a subfolder, overrides and extends', () => {
  const base = `services:
  app:
    build: ./app
  proxy:
    build:
      context: proxy/
      dockerfile: Dockerfile.nginx
`;
  const override = `services:
  app:
    build:
      target: dev
      args:
        DEBUG: "1"
  proxy:
    build:
      args: [LOG=debug]
`;
  it('resolves paths against the project folder, merges the override in order', () => {
    const { invocations, problems } = composeInvocations([
      { path: 'deploy/compose.yaml', text: base },
      { path: 'deploy/compose.override.yaml', text: override },
    ], {});
    assert.deepEqual(problems, []);
    assert.deepEqual(invocations.map((i) => [i.name, i.context, i.dockerfile, i.target, i.args, i.source.line]), [
      ['app', 'deploy/app', 'deploy/app/Dockerfile', 'dev', { DEBUG: '1' }, 2],
      ['proxy', 'deploy/proxy', 'deploy/proxy/Dockerfile.nginx', undefined, { LOG: 'debug' }, 4],
    ]);
    // The parts the override writes are pointed at in the override.
    assert.deepEqual(invocations.map((i) => i.declaredAt), [
      { target: { file: 'deploy/compose.override.yaml', line: 4 }, 'arg:DEBUG': { file: 'deploy/compose.override.yaml', line: 6, column: 8, length: 5 } },
      { 'arg:LOG': { file: 'deploy/compose.override.yaml', line: 9, column: 13, length: 3 } },
    ]);
  });
  it('paths in a -f override in another folder still resolve against the first file\'s folder', () => {
    const { invocations } = composeInvocations([
      { path: 'compose.yaml', text: 'services:\n  app:\n    build: app\n' },
      { path: 'ci/compose.ci.yaml', text: 'services:\n  app:\n    build:\n      context: other\n' },
    ], {});
    assert.equal(invocations[0].context, 'other');
  });
  it('follows extends in the same file and in another file (paths relative to that file)', () => {
    const common = `services:
  node-base:
    build:
      context: ../base
      args:
        NODE: "22"
      target: prod
`;
    const main = `services:
  dev:
    extends: prod
    build:
      target: dev
  prod:
    extends:
      file: shared/common.yaml
      service: node-base
    build:
      args:
        APP: shop
  broken:
    extends:
      file: missing.yaml
      service: x
    build: .
  loop:
    extends: loop
`;
    const { invocations, problems } = composeInvocations([
      { path: 'compose.yaml', text: main },
      { path: 'shared/common.yaml', text: common },
    ], {});
    const byName = Object.fromEntries(invocations.map((i) => [i.name, i]));
    assert.deepEqual([byName.prod.context, byName.prod.dockerfile, byName.prod.target, byName.prod.args], ['base', 'base/Dockerfile', 'prod', { NODE: '22', APP: 'shop' }]);
    assert.deepEqual([byName.dev.context, byName.dev.target, byName.dev.args], ['base', 'dev', { NODE: '22', APP: 'shop' }]);
    // What the base in the other file writes is pointed at there; what the extending service writes, here.
    assert.deepEqual(byName.prod.declaredAt, { target: { file: 'shared/common.yaml', line: 7 }, 'arg:NODE': { file: 'shared/common.yaml', line: 6, column: 8, length: 4 }, 'arg:APP': { file: 'compose.yaml', line: 12, column: 8, length: 3 } });
    // What the base passes, every service extending it gets: shared, unless the service writes it again.
    assert.deepEqual([byName.prod.sharedArgs, byName.dev.sharedArgs], [['NODE'], ['NODE', 'APP']]);
    assert.deepEqual(byName.dev.declaredAt, { target: { file: 'compose.yaml', line: 5 }, 'arg:NODE': { file: 'shared/common.yaml', line: 6, column: 8, length: 4 }, 'arg:APP': { file: 'compose.yaml', line: 12, column: 8, length: 3 } });
    assert.equal(byName.broken.context, '.');
    assert.deepEqual(problems.map((p) => [p.file, p.line, p.message]), [
      ['compose.yaml', 13, 'service "broken" extends "x" in missing.yaml, a file that was not read; its build settings are not followed'],
      ['compose.yaml', 18, 'service "loop": "extends" leads back to itself; not followed'],
    ]);
  });
  it('skips dockerfile_inline services (no file to lint)', () => {
    const { invocations } = composeInvocations([{ path: 'compose.yaml', text: 'services:\n  a:\n    build:\n      dockerfile_inline: |\n        FROM alpine\n' }], {});
    assert.deepEqual(invocations, []);
  });
});

describe('compose: interpolation and .env', () => {
  it('handles defaults, alternatives, required and $$', () => {
    const env = { SET: 'x', EMPTY: '' };
    assert.equal(interpolate('${SET:-d}/${EMPTY:-d}/${EMPTY-d}/${UNSET-d}/${UNSET}', env), 'x/d//d/');
    assert.equal(interpolate('${SET:+alt}/${EMPTY:+alt}/${EMPTY+alt}/$SET/$$SET/$', env), 'alt//alt/x/$SET/$');
    assert.equal(interpolate('${UNSET:-${SET}-nested}', env), 'x-nested');
    const reported: string[] = [];
    assert.equal(interpolate('${TOKEN:?set TOKEN first}', env, (m) => reported.push(m)), '');
    assert.equal(interpolate('${1BAD}', env, (m) => reported.push(m)), '${1BAD}');
    assert.deepEqual(reported, ['${TOKEN} is required: set TOKEN first', 'cannot read the substitution "${1BAD}"; it is kept as written']);
  });
  it('reads .env files like compose', () => {
    const text = `# settings
PYTHON_VERSION=3.12
export REGISTRY=ghcr.io/acme   # trailing comment
TAG="v1 \${PYTHON_VERSION}\\n"
LITERAL='\${NOT}'
MULTI="a
b"
EMPTY=
not a line
`;
    assert.deepEqual(parseDotEnv(text), { PYTHON_VERSION: '3.12', REGISTRY: 'ghcr.io/acme', TAG: 'v1 3.12\n', LITERAL: '${NOT}', MULTI: 'a\nb', EMPTY: '' });
  });
  it('interpolates build values from the environment the host passes (process env over .env)', () => {
    const env = { ...parseDotEnv('PY=3.11\nSTAGE=prod\n'), PY: '3.13' };
    const text = `services:
  app:
    build:
      context: \${APP_DIR:-./app}
      target: \${STAGE}
      args:
        PY: \${PY}
        IMAGE: "\${REGISTRY:?REGISTRY must be set}/app"
`;
    const { invocations, problems } = composeInvocations([{ path: 'compose.yaml', text }], env);
    assert.deepEqual([invocations[0].context, invocations[0].target, invocations[0].args], ['app', 'prod', { PY: '3.13', IMAGE: '/app' }]);
    assert.deepEqual(problems, [{ file: 'compose.yaml', line: 2, message: '${REGISTRY} is required: REGISTRY must be set' }]);
  });
});

describe('compose: include', () => {
  it('lists what the files include, for the host to read: paths from the including file, project folder, env files', () => {
    const text = 'include:\n  - db/compose.yaml\n  - path: [../shared/compose.yaml, ../shared/compose.override.yaml]\n    project_directory: ../shared\n    env_file: ../shared/${ENV_NAME:-dev}.env\nservices:\n  app:\n    build: .\n';
    const { invocations, includes } = composeInvocations([{ path: 'app/compose.yaml', text }], {});
    assert.deepEqual(invocations.map((i) => i.name), ['app']);
    assert.deepEqual(includes, [
      { files: ['app/db/compose.yaml'], projectDirectory: 'app/db', envFiles: [], file: 'app/compose.yaml', line: 2 },
      { files: ['shared/compose.yaml', 'shared/compose.override.yaml'], projectDirectory: 'shared', envFiles: ['shared/dev.env'], file: 'app/compose.yaml', line: 3 },
    ]);
  });
  it('an included project builds from its own folder', () => {
    const { invocations } = composeInvocations([{ path: 'shared/compose.yaml', text: 'services:\n  db:\n    build: ./db\n' }], {}, { projectDirectory: 'shared' });
    assert.deepEqual(invocations.map((i) => [i.name, i.context, i.dockerfile]), [['db', 'shared/db', 'shared/db/Dockerfile']]);
  });
});

describe('compose: broken inputs give problems, never throw', () => {
  const cases: Array<[string, string, Array<[number, RegExp]>]> = [
    ['bad YAML', 'services:\n  app:\n    build: .\n   args: 1\n', [[4, /^not valid YAML: All mapping items must start at the same column at line 4, column 1$/]]],
    ['not a mapping', '- a\n- b\n', [[1, /top level/]]],
    ['services a list', 'services:\n  - app\n', [[1, /"services" should be a mapping/]]],
    ['build a number', 'services:\n  app:\n    build: 3\n', [[2, /"build" should be a path or a mapping/]]],
    ['include not a list', 'include: ../shared/compose.yaml\n', [[1, /an "include" entry should be a path or a mapping with "path"/]]],
    ['include entry without a path', 'include:\n  - project_directory: ..\n  - 3\n', [[2, /should be a path/], [3, /should be a path/]]],
    ['empty file', '', []],
    ['no services', 'volumes:\n  data: {}\n', []],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => {
      const { invocations, problems } = composeInvocations([{ path: 'compose.yaml', text }], {});
      assert.deepEqual(invocations, []);
      assert.equal(problems.length, expected.length, JSON.stringify(problems));
      expected.forEach(([line, message], i) => { assert.equal(problems[i].line, line); assert.match(problems[i].message, message); });
    });
  }
  it('never throws on any prefix of a real file', () => {
    for (let i = 0; i <= MONOREPO.length; i += 5) assert.doesNotThrow(() => composeInvocations([{ path: 'compose.yaml', text: MONOREPO.slice(0, i) }], {}));
  });
  it('a broken override does not lose the base file', () => {
    const { invocations, problems } = composeInvocations([
      { path: 'compose.yaml', text: 'services:\n  app:\n    build: .\n' },
      { path: 'compose.override.yaml', text: 'services: {app: [\n' },
    ], {});
    assert.equal(invocations.length, 1);
    assert.equal(problems.length > 0, true);
  });
});

describe('discovery', () => {
  it('picks the compose file compose itself would, with its override', () => {
    assert.deepEqual(composeProjectFiles(['docker-compose.yml', 'compose.yaml', 'compose.override.yaml', 'Dockerfile']), ['compose.yaml', 'compose.override.yaml']);
    assert.deepEqual(composeProjectFiles(['docker-compose.yml']), ['docker-compose.yml']);
    assert.deepEqual(composeProjectFiles(['Dockerfile']), []);
  });
  it('lists the bake files in merge order', () => {
    assert.deepEqual(bakeProjectFiles(['docker-bake.override.hcl', 'docker-bake.hcl', 'compose.yaml']), ['docker-bake.hcl', 'docker-bake.override.hcl']);
  });
});

describe('compose: images the project builds', () => {
  it('each service knows the images the other services build (image: beside build:)', () => {
    const text = 'services:\n  base:\n    image: acme/base-local\n    build: ./base\n  app:\n    image: acme/app\n    build:\n      context: ./app\n  db:\n    image: postgres:17\n';
    const { invocations } = composeInvocations([{ path: 'compose.yaml', text }], {});
    assert.deepEqual(invocations.map((i) => [i.name, i.projectImages]), [['base', { 'acme/app': 'app' }], ['app', { 'acme/base-local': 'base' }]]);
  });
  it('an image built from the same Dockerfile is never its base', () => {
    const text = 'services:\n  a:\n    image: alpine\n    build: .\n  b:\n    image: alpine\n    build: .\n';
    assert.deepEqual(composeInvocations([{ path: 'compose.yaml', text }], {}).invocations.map((i) => i.projectImages), [undefined, undefined]);
  });
});
