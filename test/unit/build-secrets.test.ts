// Build secrets against the Dockerfile: secret-not-provided (a RUN mounts a secret the compose service or bake
// target does not provide) and secret-not-mounted (the build provides a secret no RUN of its stages mounts).
// Exact findings (rule, underlined text, message, related place), and the builds where nothing can be known.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, type BuildInvocation, type LintOptions } from '../../server/src/engine';
import secretNotMounted from '../../server/src/engine/rules/secret-not-mounted';
import secretNotProvided from '../../server/src/engine/rules/secret-not-provided';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';

before(async () => { await initShellParser(); });

const options: LintOptions = { rules: [secretNotProvided, secretNotMounted], settings: { today: '2026-12-01' } };

const SERVICE = { file: 'file:///p/compose.yaml', line: 3, label: 'compose service api' };
const NPM_TOKEN_AT = { file: 'file:///p/compose.yaml', line: 7, label: 'compose service api' };

/** A compose service's invocation providing `secrets`, with the places compose.ts records. */
function service(secrets: string[], extra: Partial<BuildInvocation> = {}): BuildInvocation {
  return { secrets, declaredAt: { '': SERVICE, 'secret:npm_token': NPM_TOKEN_AT }, ...extra };
}

/** The findings as `rule "underlined" message`, in order. */
function lint(text: string, invocation?: BuildInvocation): string[] {
  return lintText(text, { ...options, invocation }).findings.map((f) => `${f.rule} ${JSON.stringify(text.slice(f.start, f.end))} ${f.message}`);
}

/** `rule "underlined"` of each finding. */
const where = (findings: string[]) => findings.map((f) => /^\S+ "(?:[^"\\]|\\.)*"/.exec(f)![0]);

function related(text: string, invocation: BuildInvocation) {
  return lintText(text, { ...options, invocation }).findings.map((f) => [f.rule, f.related]);
}

const NPM = `FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
`;

describe('secret-not-provided', () => {
  it('reports a mount whose id the build does not provide, on the id, pointing at the service', () => {
    assert.deepEqual(lint(NPM, service([])), [
      'secret-not-provided "npm_token" The build does not provide the secret `npm_token`: this step runs without it (nothing at its mount), so what needs it fails or quietly does without',
    ]);
    assert.deepEqual(related(NPM, service([])), [['secret-not-provided', [SERVICE]]]);
  });

  it('says the build fails when the mount is required (`required`, `required=true`, `required=1`)', () => {
    for (const flag of ['required', 'required=true', 'required=1']) {
      assert.deepEqual(lint(`FROM alpine:3.20\nRUN --mount=type=secret,id=aws,${flag} cat /run/secrets/aws\n`, service([])), [
        'secret-not-provided "aws" The build does not provide the secret `aws`, which this step requires (`required=true`): the build fails here',
      ], flag);
    }
    assert.deepEqual(lint('FROM alpine:3.20\nRUN --mount=type=secret,id=aws,required=false cat /run/secrets/aws\n', service([])).map((f) => f.includes('fails here')), [false]);
  });

  it('takes the id from target= when there is no id= (underlining the whole mount), and from source=', () => {
    const text = 'FROM python:3.13-slim\nRUN --mount=type=secret,target=/root/.config/pip/pip.conf pip install -r requirements.txt\nRUN --mount=type=secret,source=netrc,target=/root/.netrc true\n';
    assert.deepEqual(lint(text, service([])), [
      'secret-not-provided "--mount=type=secret,target=/root/.config/pip/pip.conf" The build does not provide the secret `pip.conf`: this step runs without it (nothing at its mount), so what needs it fails or quietly does without',
      'secret-not-provided "netrc" The build does not provide the secret `netrc`: this step runs without it (nothing at its mount), so what needs it fails or quietly does without',
    ]);
    assert.deepEqual(lint(text, service(['pip.conf', 'netrc'])), []);
  });

  it('resolves variables in the id; an unresolved one is not reported', () => {
    const text = 'FROM alpine:3.20\nARG TOKEN_ID=gh_token\nARG OTHER\nRUN --mount=type=secret,id=${TOKEN_ID} true\nRUN --mount=type=secret,id=${OTHER} true\n';
    assert.deepEqual(where(lint(text, service([]))), ['secret-not-provided "${TOKEN_ID}"']);
    assert.match(lint(text, service([]))[0], /secret `gh_token`/);
    assert.deepEqual(lint(text, service(['gh_token'])), [], 'the unresolved mount may be any provided secret');
    assert.deepEqual(lint(text, service([], { args: { TOKEN_ID: 'npm_token', OTHER: 'x' } })).map((f) => f.match(/`([^`]+)`/)![1]), ['npm_token', 'x']);
  });

  it('compares ids exactly, and names a close provided id (case, or an edit or two), both ways', () => {
    assert.deepEqual(lint(NPM, service(['NPM_TOKEN'])), [
      'secret-not-mounted "FROM node:22-slim" The build provides the secret `NPM_TOKEN`, but no RUN of the stages it builds mounts it; a RUN mounts `npm_token`, which the build does not provide: did you mean `NPM_TOKEN` there?',
      'secret-not-provided "npm_token" The build does not provide the secret `npm_token`, but provides `NPM_TOKEN`: this step runs without it (nothing at its mount); did you mean `NPM_TOKEN`?',
    ]);
    const required = 'FROM alpine:3.20\nRUN --mount=type=secret,id=npmrc,required=true npm ci\n';
    assert.deepEqual(lint(required, service(['npmrc2'])), [
      'secret-not-mounted "FROM alpine:3.20" The build provides the secret `npmrc2`, but no RUN of the stages it builds mounts it; a RUN mounts `npmrc`, which the build does not provide: did you mean `npmrc2` there?',
      'secret-not-provided "npmrc" The build does not provide the secret `npmrc`, which this step requires (`required=true`), but provides `npmrc2`: the build fails here; did you mean `npmrc2`?',
    ]);
    assert.deepEqual(lint(NPM, service(['github_token'])).map((f) => f.includes('did you mean')), [false, false], 'a far id is no suggestion');
  });

  it('judges only the stages the build runs: the target and what it needs', () => {
    const text = `FROM node:22-slim AS deps
RUN --mount=type=secret,id=npm_token npm ci

FROM deps AS build
RUN npm run build

FROM node:22-slim AS test
RUN --mount=type=secret,id=test_db_url npm test

FROM nginx:1.27 AS web
COPY --from=build /app/dist /usr/share/nginx/html
`;
    assert.deepEqual(lint(text, service(['npm_token'])), [], 'the test stage is not built');
    assert.deepEqual(where(lint(text, service(['npm_token'], { target: 'test' }))), ['secret-not-mounted "FROM node:22-slim"', 'secret-not-provided "test_db_url"']);
    assert.deepEqual(lint(text, service(['npm_token'], { target: 'nope' })), [], 'a target no stage has: that build fails before any RUN');
  });

  it('reports nothing without an invocation, or when it does not say which secrets it provides', () => {
    assert.deepEqual(lint(NPM), []);
    assert.deepEqual(lint(NPM, { args: {}, target: undefined }), []);
    assert.deepEqual(lint(NPM, service(['npm_token'])), []);
  });

  it('leaves out ONBUILD triggers (they run in other builds), other mount types and mounts BuildKit rejects', () => {
    const text = 'FROM alpine:3.20\nONBUILD RUN --mount=type=secret,id=later true\nRUN --mount=type=ssh,id=github true\nRUN --mount=type=cache,id=apk,target=/var/cache/apk apk add git\nRUN --mount=type=secret,env=TOKEN true\n';
    assert.deepEqual(lint(text, service([])), []);
  });
});

describe('secret-not-mounted', () => {
  it('reports a provided secret no RUN mounts, on the FROM of the built stage, pointing at its declaration', () => {
    const text = 'FROM python:3.13-slim AS base\nRUN pip install -r requirements.txt\n\nFROM base AS app\nCMD ["python", "app.py"]\n';
    assert.deepEqual(lint(text, service(['npm_token'])), [
      'secret-not-mounted "FROM base" The build provides the secret `npm_token`, but no RUN of the stages it builds mounts it (`RUN --mount=type=secret,id=npm_token`)',
    ]);
    assert.deepEqual(related(text, service(['npm_token'])), [['secret-not-mounted', [NPM_TOKEN_AT]]]);
    assert.deepEqual(related(text, service(['other'])), [['secret-not-mounted', [SERVICE]]], 'without its own place: the service');
  });

  it('counts a mount only in a stage the build runs', () => {
    const text = 'FROM alpine:3.20 AS tools\nRUN --mount=type=secret,id=npm_token true\n\nFROM alpine:3.20 AS app\nCMD ["sh"]\n';
    assert.deepEqual(where(lint(text, service(['npm_token']))), ['secret-not-mounted "FROM alpine:3.20"']);
    assert.deepEqual(lint(text, service(['npm_token'], { target: 'tools' })), []);
  });

  it('reports nothing when a mount id is not known (an unresolved variable) or a needed stage is not known', () => {
    assert.deepEqual(lint('FROM alpine:3.20\nARG ID\nRUN --mount=type=secret,id=$ID true\n', service(['npm_token'])), []);
    assert.deepEqual(lint('FROM alpine:3.20 AS a\nFROM alpine:3.20\nARG FROM_STAGE\nCOPY --from=${FROM_STAGE} /x /x\n', service(['npm_token'])), []);
  });

  it('never reports the git credentials BuildKit reads itself', () => {
    assert.deepEqual(lint('FROM alpine:3.20\nADD git@github.com:acme/lib.git /src\n', service(['GIT_AUTH_TOKEN', 'GIT_AUTH_TOKEN.github.com', 'GIT_AUTH_HEADER'])), []);
  });
});
