// Hostile and odd input: each case must lint without throwing, in bounded time, with ranges in the document.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { initShellParser, lintText, parseConfig } from '../../server/src/engine';
import { checkText } from './properties';

before(async () => { await initShellParser(); });

const root = path.resolve(__dirname, '../../..');

/**
 * Lints `expr` (JS evaluating to the text) in a child process with a hard time limit: a hang fails, not stalls.
 * With the options the command and the server use, so inline pragmas are read and applied too.
 */
function lintsWithin(expr: string, seconds: number): { ms: number; findings: number } {
  const script = `const e=require(${JSON.stringify(path.join(root, 'out/server/src/engine'))});e.initShellParser().then(()=>{const t=${expr};const s=Date.now();const r=e.lintText(t,e.buildLintOptions({}));if(r.ruleErrors.length)throw new Error(JSON.stringify(r.ruleErrors.map(x=>x.rule)));console.log(JSON.stringify({ms:Date.now()-s,findings:r.findings.length}));});`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: seconds * 1000 });
  assert.equal(r.status, 0, `did not finish in ${seconds}s or failed: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout.trim());
}

describe('odd but valid input', () => {
  const cases: Record<string, string> = {
    'empty file': '',
    'only comments': '# just\n# comments\n',
    'CRLF and mixed line endings': 'FROM alpine:3.21\r\nRUN apk add curl \\\r\n  git\nCMD echo hi\r',
    BOM: '\uFEFFFROM alpine:3.21\nRUN apk add curl\n',
    'NUL bytes and replacement characters': 'FROM alpine\u0000:3.21\nRUN echo \uFFFD\u0000\n',
    tabs: 'FROM\talpine:3.21\n\tRUN\tapk add\tcurl\n',
    'lowercase instructions': 'from alpine:3.21\nrun apk add curl\ncmd echo hi\n',
    'unterminated heredoc': 'FROM alpine:3.21\nRUN <<EOF\napk add curl\n',
    'unterminated quote': 'FROM alpine:3.21\nRUN echo "oops\nCMD ["a", "b\n',
    'backtick escape': '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir C:\\ `\n  && echo ok\nCOPY C:\\src C:\\dest\\\n',
    'Windows paths': 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY .\\app C:\\app\\\nWORKDIR C:\\app\n',
    'continuation at end of file': 'FROM alpine:3.21\nRUN echo \\',
    'instructions without arguments': 'FROM\nRUN\nCOPY\nENV\nARG\nUSER\nONBUILD\nHEALTHCHECK\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => assert.deepEqual(checkText(text), []));
  }
});

describe('size', () => {
  it('a 10 MB file', () => {
    const r = lintsWithin(`'FROM alpine:3.21\\n' + 'RUN apk add --no-cache curl && echo $HOME\\n'.repeat(250000)`, 120);
    assert.ok(r.findings > 0);
  });

  it('a 1 MB single line', () => {
    lintsWithin(`'FROM alpine:3.21\\nRUN echo ' + 'a'.repeat(1 << 20) + '\\n'`, 60);
  });

  it('50,000 continuation lines', () => {
    lintsWithin(`'FROM alpine:3.21\\nRUN true \\\\\\n' + '  && echo x \\\\\\n'.repeat(50000) + '  && true\\n'`, 120);
  });
});

describe('regular expressions on adversarial lines', () => {
  // Every rule sees these; a backtracking regex would take seconds or hang.
  const lines = [
    'FROM ' + 'a'.repeat(50000) + '!',
    'ENV ' + 'A='.repeat(20000) + '"',
    'RUN ' + '$'.repeat(30000) + '{',
    'LABEL ' + 'a.'.repeat(20000) + '=x',
    'COPY ' + '--a=b '.repeat(10000) + '.',
    'EXPOSE ' + '1'.repeat(50000) + '/',
    'RUN apt-get install ' + '-o '.repeat(10000),
    '# dockwise ignore=' + 'a,'.repeat(20000),
    // Every unknown name is a finding, and every finding was matched against every name: 34 s before.
    '# dockwise ignore=' + Array.from({ length: 4000 }, (_, i) => `consecutive-ru${i}`).join(','),
    '# hadolint ignore=' + 'DL3008,'.repeat(6000),
    '# check=skip=' + 'JSONArgs,'.repeat(5000),
    'USER ' + ':'.repeat(50000),
  ];
  for (const line of lines) {
    it(`${line.slice(0, 30)}…`, () => {
      lintsWithin(JSON.stringify(`FROM alpine:3.21\n${line}\nRUN apt-get install curl\n`), 30);
    });
  }
});

describe('config files', () => {
  it('a huge config is refused with a message, not parsed', () => {
    const { config, problems } = parseConfig('.dockwise.yaml', 'rules:\n' + '  x: off\n'.repeat(200000));
    assert.equal(config, undefined);
    assert.match(problems[0].message, /too large/);
  });

  it('malformed configs come back as problems', () => {
    for (const text of ['{{{', 'rules: 5', 'ignored: {a: 1}', '- just\n- a list', 'override:\n  error: nope', '\u0000\u0001', 'fixes: [1]']) {
      const r = parseConfig('.dockwise.yaml', text);
      assert.ok(r.problems.length > 0 || r.config, `no result for ${JSON.stringify(text)}`);
    }
  });

  it('a huge .dockerignore does not slow the lint down', () => {
    const big = '*.log\n'.repeat(100000);
    const files = { read: (p: string) => (p === '.dockerignore' ? big : undefined), dockerfileName: 'Dockerfile' };
    const t0 = Date.now();
    lintText('FROM alpine:3.21\nCOPY . .\n', { files });
    assert.ok(Date.now() - t0 < 5000);
  });
});
