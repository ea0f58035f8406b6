// Linting as compose and bake build a Dockerfile: args fill its ARGs, the target decides which stage ships, the
// context decides which .dockerignore COPY meets; a finding only some services have says which; --service,
// --compose, --bake, --target and --standalone choose what counts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintInFolder, writeIn } from '../support/cli-project';
import { runCli } from '../../server/src/cli/run';

let tmp: string;

const lint = (args: string[]) => lintInFolder(tmp, args);
const write = (rel: string, text: string) => writeIn(tmp, rel, text);

const EOL = 'eol-base-image 2:6 python 3.8 reached end of life on 2024-10-07; supported: 3.11, 3.12, 3.13, 3.14';
const APK = 'apk-add-missing-no-cache 10:5 \'apk add\' without \'--no-cache\' leaves the package index in the image';
const IGNORED = 'copy-ignored-file 4:6 \'requirements.txt\' is excluded by .dockerignore (line 1: \'requirements.txt\'), so this COPY fails or copies nothing';

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-invocations-'));
  write('services/api/Dockerfile', [
    'ARG BASE=python:3.8-alpine',
    'FROM ${BASE} AS builder',
    'WORKDIR /app',
    'COPY requirements.txt .',
    'RUN pip install --no-cache-dir -r requirements.txt',
    'COPY . .',
    'CMD ["python", "app.py"]',
    '',
    'FROM builder AS dev-envs',
    'RUN apk add git',
    '',
  ].join('\n'));
  write('services/api/.dockerignore', '.git\n');
  // The repository root's .dockerignore leaves requirements.txt out: a build from the root cannot COPY it.
  write('.dockerignore', 'requirements.txt\n');
  const service = (name: string, context: string, target: string, dockerfile?: string) => [
    `  ${name}:`, '    build:', `      context: ${context}`, ...(dockerfile ? [`      dockerfile: ${dockerfile}`] : []), `      target: ${target}`, '      args:', '        BASE: python:3.13-alpine',
  ];
  write('compose.yaml', ['services:', ...service('api', 'services/api', 'builder'), ...service('dev', 'services/api', 'dev-envs'), ...service('root-build', '.', 'builder', 'services/api/Dockerfile'), ''].join('\n'));
  write('build/docker-bake.hcl', 'target "api" {\n  context = "../services/api"\n  target = "builder"\n}\n');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('linting as compose and bake build the file', () => {
  it('alone: the defaults of its ARGs, its last stage, its own folder', async () => {
    assert.deepEqual((await lint(['--standalone', 'services/api/Dockerfile'])).findings, [EOL, APK]);
  });

  it('as every compose service builds it: args, targets and contexts, each finding saying where it applies', async () => {
    const { findings, stderr } = await lint(['services/api/Dockerfile']);
    assert.equal(stderr, '');
    assert.deepEqual(findings, [`${IGNORED} (only in compose service root-build)`, `${APK} (only in compose service dev)`]);
  });

  it('as the services named by --service', async () => {
    assert.deepEqual((await lint(['--service', 'api', 'services/api/Dockerfile'])).findings, []);
    assert.deepEqual((await lint(['--service', 'dev', 'services/api/Dockerfile'])).findings, [APK]);
    assert.deepEqual((await lint(['--service', 'dev', '--service', 'root-build', 'services/api/Dockerfile'])).findings, [`${IGNORED} (only in compose service root-build)`, `${APK} (only in compose service dev)`]);
  });

  it('as the bake file given with --bake builds it, its own args left to the file', async () => {
    assert.deepEqual((await lint(['--bake', 'build/docker-bake.hcl', 'services/api/Dockerfile'])).findings, [EOL]);
    assert.deepEqual((await lint(['--bake', 'build/docker-bake.hcl', '--target', 'nope', 'services/api/Dockerfile'])).findings, [EOL, APK]);
  });
});

describe('what the compose file passes, checked against the Dockerfile', () => {
  let project: string;
  before(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-args-target-'));
    const put = (rel: string, text: string) => fs.writeFileSync(path.join(project, rel), text);
    put('Dockerfile', 'FROM node:22-slim AS build\nARG NODE_ENV=production\nRUN npm ci\nFROM build AS test\nARG CI\nRUN npm test\nFROM node:22-slim AS release\nCOPY --from=build /app /app\n');
    put('.dockerignore', '.git\n');
    // web passes a misspelt arg and an arg only the test stage declares; ci asks for a stage that was renamed.
    put('compose.yaml', 'services:\n  web:\n    build:\n      context: .\n      target: release\n      args:\n        NODE_EMV: development\n        CI: "1"\n  ci:\n    build:\n      context: .\n      target: tests\n');
  });
  after(() => fs.rmSync(project, { recursive: true, force: true }));

  it('reports the args no ARG of the built stages declares and the target that names no stage, at the first FROM', async () => {
    const saved = tmp;
    tmp = project;
    try {
      const { findings, stderr } = await lint(['Dockerfile']);
      assert.equal(stderr, '');
      assert.deepEqual(findings, [
        'build-arg-not-declared 1:1 The build passes build arg \'CI\', but only stage test declares it, and this build does not run that stage: the build ignores it (only in compose service web)',
        'build-arg-not-declared 1:1 The build passes build arg \'NODE_EMV\', but no ARG declares it, so the build ignores it. Did you mean \'NODE_ENV\'? (only in compose service web)',
        'target-stage-not-found 1:1 The build\'s target \'tests\' names no stage of this file: the build fails. Did you mean \'test\'? (only in compose service ci)',
      ]);
    } finally { tmp = saved; }
  });
});

describe('the rename of a misspelt arg, in the command', () => {
  const projects: string[] = [];
  /** A project folder with these files (relative path → text). */
  const projectWith = (files: Record<string, string>): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-args-rename-'));
    projects.push(dir);
    for (const [rel, text] of Object.entries(files)) writeIn(dir, rel, text);
    return dir;
  };
  after(() => { for (const p of projects) fs.rmSync(p, { recursive: true, force: true }); });
  const run = async (cwd: string, args: string[]) => {
    let stdout = '';
    const code = await runCli(args, { cwd, stdout: (s) => { stdout += s; }, stderr: () => {}, readStdin: () => Buffer.from(''), isTTY: false, env: {} }, '9.9.9');
    return { code, stdout };
  };
  type Sarif = { runs: Array<{ results: Array<{ ruleId: string; fixes?: Array<{ artifactChanges: unknown[] }> }> }> };
  const renames = async (cwd: string) => (JSON.parse((await run(cwd, ['-f', 'sarif', 'Dockerfile'])).stdout) as Sarif).runs[0].results.filter((r) => r.ruleId === 'build-arg-not-declared');

  it('is a SARIF fix of compose.yaml, and not something --fix claims or makes', async () => {
    const compose = 'services:\n  web:\n    build:\n      context: .\n      args:\n        NODE_EMV: development\n';
    const dockerfile = 'FROM node:22-slim\nARG NODE_ENV=production\nRUN npm ci\n';
    const project = projectWith({ Dockerfile: dockerfile, '.dockerignore': '.git\n', 'compose.yaml': compose });
    assert.deepEqual((await renames(project)).map((r) => r.fixes), [[{
      description: { text: 'Rename `NODE_EMV` to `NODE_ENV` in compose.yaml (unsafe: the build then passes its value)' },
      artifactChanges: [{ artifactLocation: { uri: 'compose.yaml' }, replacements: [{ deletedRegion: { startLine: 6, startColumn: 9, endLine: 6, endColumn: 17 }, insertedContent: { text: 'NODE_ENV' } }] }],
    }]]);
    // Stylish tags nothing as fixable, and --fix --unsafe-fixes leaves both files as they are.
    assert.doesNotMatch((await run(project, ['Dockerfile'])).stdout, /fixable|\[unsafe fix\]/);
    await run(project, ['--fix', '--unsafe-fixes', 'Dockerfile']);
    assert.equal(fs.readFileSync(path.join(project, 'compose.yaml'), 'utf8'), compose);
    assert.equal(fs.readFileSync(path.join(project, 'Dockerfile'), 'utf8'), dockerfile);
  });

  it('two services that build differently and misspell the same arg: one finding, its fix renames both', async () => {
    // web also passes PORT, so the two are linted as two builds.
    const project = projectWith({
      Dockerfile: 'FROM node:22-slim\nARG NODE_ENV=production\nARG PORT=8080\nRUN npm ci\n',
      '.dockerignore': '.git\n',
      'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      args:\n        NODE_EMV: development\n        PORT: "3000"\n  worker:\n    build:\n      context: .\n      args: [NODE_EMV=development]\n',
    });
    const found = await renames(project);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes?.[0].artifactChanges, [
      { artifactLocation: { uri: 'compose.yaml' }, replacements: [{ deletedRegion: { startLine: 6, startColumn: 9, endLine: 6, endColumn: 17 }, insertedContent: { text: 'NODE_ENV' } }] },
      { artifactLocation: { uri: 'compose.yaml' }, replacements: [{ deletedRegion: { startLine: 11, startColumn: 14, endLine: 11, endColumn: 22 }, insertedContent: { text: 'NODE_ENV' } }] },
    ]);
  });

  it('a build that writes the name through interpolation offers no rename; the one that writes it out still does', async () => {
    // web's name comes from .env (no place to rename), worker's is written out; they pass different values.
    const project = projectWith({
      Dockerfile: 'FROM node:22-slim\nARG NODE_ENV=production\nRUN npm ci\n',
      '.dockerignore': '.git\n',
      '.env': 'PREFIX=NODE\n',
      'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      args:\n        - ${PREFIX}_EMV=development\n  worker:\n    build:\n      context: .\n      args:\n        NODE_EMV: production\n',
    });
    const found = await renames(project);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes?.map((f) => f.artifactChanges), [[
      { artifactLocation: { uri: 'compose.yaml' }, replacements: [{ deletedRegion: { startLine: 11, startColumn: 9, endLine: 11, endColumn: 17 }, insertedContent: { text: 'NODE_ENV' } }] },
    ]]);
  });
});
