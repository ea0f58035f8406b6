// Hostile and odd input: each case must lint and fix without throwing, with ranges in the document, and the
// big and adversarial ones at a cost that grows no faster than their size (CPU time at 4n against n, see
// test/support/growth.ts; never a time limit: a busy machine is slow at every size). Those run in child
// processes, concurrently, stopped only if they hang (test/support/hang-guard.ts).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintText, memoryFiles, parseConfig } from '../../server/src/engine';
import { ConfigFiles } from '../../server/src/workspace/config';
import { fileUri, nodeHost } from '../../server/src/host/node';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { checkText } from './properties';
import { HANG_GUARD_MS } from '../support/hang-guard';

before(async () => { await initShellParser(); });

const root = path.resolve(__dirname, '../../..');
const engine = JSON.stringify(path.join(root, 'out/server/src/engine'));
const growthJs = JSON.stringify(path.join(root, 'out/test/support/growth'));
const nodeHostJs = JSON.stringify(path.join(root, 'out/server/src/host/node'));
const configJs = JSON.stringify(path.join(root, 'out/server/src/workspace/config'));
const filesJs = JSON.stringify(path.join(root, 'out/server/src/workspace/files'));

/** Runs `script` in a child node (its garbage collector exposed, for growth measurements); rejects only if it hangs. */
function child(script: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    // A minute before the runner's guard stops the test, so the failure names the last case the child started.
    const guard = HANG_GUARD_MS - 60_000;
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`hung (no answer within ${guard / 60000} minutes); last output: ${stdout.trim().split('\n').pop()}`));
    }, guard);
    p.on('close', (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
  });
}

/**
 * Lints the text `expr` makes of `n` (JS with `n` in scope) in a child, with the options the command and the
 * server use (so inline pragmas are read and applied), at `n` and at 4n: how the cost grew, and the findings
 * at 4n. (Fix-all on long lines is in adversarial.ts.)
 */
async function lintGrowth(expr: string, n: number): Promise<{ findings: number; report: string; ratio: number }> {
  const script = `const e=require(${engine});const g=require(${growthJs});require(${nodeHostJs}).initNodeShellParser().then(async()=>{const o=e.buildLintOptions({});const text=(n)=>${expr};let findings=0;`
    + `const lint=(n)=>{const r=e.lintText(text(n),o);if(r.ruleErrors.length)throw new Error(JSON.stringify(r.ruleErrors.map(x=>x.rule)));findings=r.findings.length;};lint(64);`
    + `const m=await g.growth(lint,${n});console.log(JSON.stringify({findings,ratio:m.ratio,report:m.smallMs.toFixed(0)+' ms CPU at n='+m.n+', '+m.largeMs.toFixed(0)+' ms at '+m.large}));});`;
  const r = await child(script);
  assert.equal(r.status, 0, r.stderr.slice(0, 800));
  const out = JSON.parse(r.stdout.trim());
  assert.ok(out.ratio <= 8, `4 times the size costs ${out.ratio.toFixed(1)} times as much (${out.report}): not linear`);
  return out;
}

describe('odd but valid input', () => {
  const cases: Record<string, string> = {
    'empty file': '',
    'only whitespace': ' \n\t\n\r\n',
    'only comments': '# just\n# comments\n',
    'only a parser directive': '# escape=`',
    'CRLF and mixed line endings': 'FROM alpine:3.21\r\nRUN apk add curl \\\r\n  git\nCMD echo hi\r',
    'lone CR line endings': 'FROM alpine:3.21\rRUN apk add curl \\\r  git\rCMD echo hi\r',
    BOM: '\uFEFFFROM alpine:3.21\nRUN apk add curl\n',
    'BOM before a directive': '\uFEFF# escape=`\nFROM alpine:3.21\nRUN apk add curl `\n  git\n',
    'NUL bytes and replacement characters (invalid UTF-8 as decoded)': 'FROM alpine\u0000:3.21\nRUN echo \uFFFD\u0000\nLABEL a=\uFFFD\n',
    'lone surrogates': 'FROM alpine:3.21\nRUN echo \uD800 \uDC00\nENV A=\uDFFF\n',
    'non-ASCII text': 'FROM alpine:3.21\nLABEL description="Grüße, 日本語, emoji 🐳"\nRUN echo "é" && echo 🐳\n',
    tabs: 'FROM\talpine:3.21\n\tRUN\tapk add\tcurl\n',
    'lowercase instructions': 'from alpine:3.21\nrun apk add curl\ncmd echo hi\n',
    'mixed-case instructions': 'From alpine:3.21\nRuN apk add curl\nCmD echo hi\n',
    'unterminated heredoc': 'FROM alpine:3.21\nRUN <<EOF\napk add curl\n',
    'unterminated heredoc in COPY': 'FROM alpine:3.21\nCOPY <<EOF /etc/x\nhello\n',
    'heredoc opened twice on one line, one closed': 'FROM alpine:3.21\nRUN <<A <<B\necho a\nA\n',
    'unterminated quote': 'FROM alpine:3.21\nRUN echo "oops\nCMD ["a", "b\n',
    'unterminated JSON': 'FROM alpine:3.21\nCMD ["a", \nENTRYPOINT [\n',
    'backtick escape': '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir C:\\ `\n  && echo ok\nCOPY C:\\src C:\\dest\\\n',
    'Windows paths': 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY .\\app C:\\app\\\nWORKDIR C:\\app\n',
    'continuation at end of file': 'FROM alpine:3.21\nRUN echo \\',
    'continuation into comments at end of file': 'FROM alpine:3.21\nRUN echo \\\n# a\n# b\n',
    'instructions without arguments': 'FROM\nRUN\nCOPY\nENV\nARG\nUSER\nONBUILD\nHEALTHCHECK\nSHELL\nLABEL\nEXPOSE\n',
    'unknown instructions': 'FROM alpine:3.21\nFOO bar\nRUNN x\n',
    'instructions before FROM': 'RUN echo hi\nCOPY . .\nFROM alpine:3.21\n',
    'ONBUILD chains': 'FROM alpine:3.21\nONBUILD ONBUILD RUN x\nONBUILD FROM y\nONBUILD\n',
    'variables everywhere': 'ARG A=${B:-${C:+x}}\nFROM ${A}:${A}@${A}\nENV ${A}=${A} B=$\nRUN ${A} $( ${A} )\nUSER ${A}:${A}\n',
    'a stage referring to itself and to later stages': 'FROM a AS a\nFROM b AS b\nCOPY --from=b / /\nCOPY --from=c / /\nFROM c AS c\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => assert.deepEqual(checkText(text), []));
  }
});

// Two at a time: the machine may have two cores.
describe('size and adversarial input (child processes, two at a time)', { concurrency: 2 }, () => {
  it('a 10 MB file', async () => {
    const r = await lintGrowth(`'FROM alpine:3.21\\n' + 'RUN apk add --no-cache curl && echo $HOME\\n'.repeat(n)`, 62500);
    assert.ok(r.findings > 0);
  });

  it('a 1 MB single line', async () => {
    await lintGrowth(`'FROM alpine:3.21\\nRUN echo ' + 'a'.repeat(n) + '\\n'`, 1 << 18);
  });

  it('a 1 MB line of flags', async () => {
    // dockerfile-ast took one shift() per flag to drop them from the arguments: quadratic.
    await lintGrowth(`'FROM alpine:3.21\\nCOPY ' + '--a=b '.repeat(n) + '. /x/\\n'`, 1 << 15);
  });

  it('50,000 continuation lines', async () => {
    await lintGrowth(`'FROM alpine:3.21\\nRUN true \\\\\\n' + '  && echo x \\\\\\n'.repeat(n) + '  && true\\n'`, 12500);
  });

  it('long adversarial lines for the regular expressions and loops (test/robustness/adversarial.ts)', async () => {
    // Linear cases grow about x4 from 12,500 to 50,000 characters (measured: x0.5 to x3.5); quadratic ones about x16.
    const r = await child(`require(${JSON.stringify(path.join(__dirname, 'adversarial.js'))}).main().catch((e) => { console.error(e.message); process.exit(1); });`);
    assert.equal(r.status, 0, `${r.stderr.slice(0, 800)}\n${r.stdout.split('\n').slice(-3).join('\n')}`);
    assert.match(r.stdout, /DONE/);
  });

  it('no regular expression of the engine backtracks catastrophically (test/robustness/regex-attack.ts)', async () => {
    const n = Number(process.env.REGEX_ATTACK_N ?? 10000);
    const r = await child(`require(${JSON.stringify(path.join(__dirname, 'regex-attack.js'))}).main(${JSON.stringify(root)}, ${n});`);
    assert.equal(r.status, 0, r.stderr.slice(0, 800));
    const done = /DONE (\d+) regexes/.exec(r.stdout);
    assert.ok(done && Number(done[1]) > 150, `did not finish; last regex started: ${r.stdout.trim().split('\n').pop()}`);
  });
});

describe('config and files beside the Dockerfile', () => {
  it('a huge config is refused with a message, not parsed', () => {
    const { config, problems } = parseConfig('.dockwise.yaml', 'rules:\n' + '  x: off\n'.repeat(200000));
    assert.equal(config, undefined);
    assert.match(problems[0].message, /too large/);
  });

  it('malformed configs come back as problems, never as exceptions', () => {
    for (const text of ['{{{', 'rules: 5', 'ignored: {a: 1}', '- just\n- a list', 'override:\n  error: nope', '\u0000\u0001', 'fixes: [1]', '!!js/function "x"', 'rules: !!binary aGk=',
      'a: &a [1]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\nrules: *a', 'rules:\n  consecutive-run: [[[[[[]]]]]]', '\uFEFFrules: {}', 'trustedRegistries: ' + '[a, '.repeat(1000)]) {
      const r = parseConfig('.dockwise.yaml', text);
      assert.ok(r.problems.length > 0 || r.config, `no result for ${JSON.stringify(text)}`);
    }
  });

  it('a huge .dockerignore does not slow the lint down', () => {
    const files = memoryFiles({ '.dockerignore': '*.log\n'.repeat(100000) });
    assert.deepEqual(checkText('FROM alpine:3.21\nCOPY . .\n', { files }, { eachFix: false }), []);
    lintText('FROM alpine:3.21\nCOPY . .\n', { files });
  });

  it('a config file that is a FIFO or a link to /dev/zero is refused, not read forever', { skip: process.platform === 'win32' || !fs.existsSync('/dev/zero') }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-config-'));
    try {
      const fifo = path.join(dir, '.dockwise.yaml');
      const zero = path.join(dir, 'zero.yaml');
      const made = await child(`require('child_process').execFileSync('mkfifo', [${JSON.stringify(fifo)}])`);
      if (made.status !== 0) return; // no mkfifo here
      fs.symlinkSync('/dev/zero', zero);
      // Both used to hang: reading a FIFO blocks until a writer comes, /dev/zero never ends (and both have size 0).
      const r = await child(`const h=require(${nodeHostJs});const c=require(${configJs});(async()=>{for(const f of ${JSON.stringify([fifo, zero])}){const r=await new c.ConfigFiles(h.nodeHost).load(h.fileUri(f),f);console.log(r.config===undefined&&/not a regular file/.test(r.problems[0].message));}})();`);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(r.stdout.trim().split('\n'), ['true', 'true']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('files beside the Dockerfile: a .dockerignore that is a FIFO or a link to /dev/zero is not read', { skip: process.platform === 'win32' || !fs.existsSync('/dev/zero') }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-ignore-'));
    try {
      for (const [name, make] of [['fifo', 'mkfifo'], ['zero', 'ln']] as const) {
        const sub = path.join(dir, name);
        fs.mkdirSync(sub);
        fs.writeFileSync(path.join(sub, 'Dockerfile'), 'FROM alpine:3.21\nCOPY . /app\n');
        const ignore = path.join(sub, '.dockerignore');
        if (make === 'ln') fs.symlinkSync('/dev/zero', ignore);
        else if ((await child(`require('child_process').execFileSync('mkfifo', [${JSON.stringify(ignore)}])`)).status !== 0) continue;
        // Both used to hang the command and the language server: the files beside a Dockerfile were read with readFileSync.
        const r = await child(`const h=require(${nodeHostJs});const w=require(${filesJs});const f=new w.DockerfileFiles(h.nodeHost.fs,h.fileUri(${JSON.stringify(path.join(sub, 'Dockerfile'))})).access;console.log(f.read('.dockerignore')===undefined, f.isFile('.dockerignore'), f.isFile('Dockerfile'));`);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout.trim(), 'true false true', name);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a config file that is a directory, missing or unreadable is a problem, not an exception', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-config-'));
    try {
      for (const file of [dir, path.join(dir, 'missing.yaml')]) {
        const r = await new ConfigFiles(nodeHost).load(fileUri(file), file);
        assert.equal(r.config, undefined);
        assert.ok(r.problems.length > 0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
