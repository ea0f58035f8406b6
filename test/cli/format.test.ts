// `dockwise format`: in place, --check, --diff, standard input, --set, config files and bad input, run in-process.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli/run';
import { formatHelpText } from '../../server/src/cli/format';

let tmp: string;

async function run(args: string[], opts: { cwd?: string; stdin?: string | Buffer } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['format', ...args], {
    cwd: opts.cwd ?? tmp,
    stdout: (s) => { stdout += s; },
    stderr: (s) => { stderr += s; },
    readStdin: () => Buffer.from(opts.stdin ?? ''),
    isTTY: false,
    env: {},
  }, '9.9.9');
  return { code, stdout, stderr };
}

/** Writes a file below a fresh folder of its own; its absolute path. */
function write(rel: string, text: string | Buffer): string {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

const read = (p: string) => fs.readFileSync(p, 'utf8');

// Lower-case keywords, two spaces after one and trailing spaces: what the default options change for sure.
const MESSY = 'from alpine:3.20\nrun  echo hi   \n';
const TIDY = 'FROM alpine:3.20\nRUN echo hi\n';

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-format-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'no-user-config');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('dockwise format', () => {
  it('rewrites the files that need it in place, lists them, and a second run changes nothing', async () => {
    const messy = write('inplace/a/Dockerfile', MESSY);
    const tidy = write('inplace/b/Dockerfile', TIDY);
    const first = await run([], { cwd: path.join(tmp, 'inplace') });
    assert.deepEqual(first, { code: 0, stdout: `formatted ${path.join('a', 'Dockerfile')}\n1 file formatted, 1 file already formatted\n`, stderr: '' });
    assert.equal(read(messy), TIDY);
    assert.equal(read(tidy), TIDY);
    const second = await run([], { cwd: path.join(tmp, 'inplace') });
    assert.deepEqual(second, { code: 0, stdout: '0 files formatted, 2 files already formatted\n', stderr: '' });
  });

  it('--check writes nothing, lists what would change and exits 1; 0 when everything is formatted', async () => {
    const messy = write('check/Dockerfile', MESSY);
    const tidy = write('check/Dockerfile.prod', TIDY);
    assert.deepEqual(await run(['--check', 'check']), { code: 1, stdout: `would format ${path.join('check', 'Dockerfile')}\n1 file would be formatted, 1 file already formatted\n`, stderr: '' });
    assert.equal(read(messy), MESSY);
    assert.deepEqual(await run(['--check', tidy]), { code: 0, stdout: '0 files would be formatted, 1 file already formatted\n', stderr: '' });
  });

  it('--diff prints a patch that turns the file into the formatted one, writes nothing and exits 1', async () => {
    const messy = write('diff/Dockerfile', MESSY);
    const r = await run(['--diff', 'diff/Dockerfile']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, [
      '--- a/diff/Dockerfile', '+++ b/diff/Dockerfile', '@@ -1,2 +1,2 @@',
      '-from alpine:3.20', '-run  echo hi   ', '+FROM alpine:3.20', '+RUN echo hi', '',
    ].join('\n'));
    assert.equal(r.stderr, '1 file would be formatted, 0 files already formatted\n', 'the summary stays off the patch');
    assert.equal(read(messy), MESSY);
    const clean = await run(['--diff', write('diff/tidy/Dockerfile', TIDY)]);
    assert.equal(clean.code, 0);
    assert.equal(clean.stdout, '');
  });

  it('formats standard input to standard output; --check on it exits 1 without printing the text', async () => {
    assert.deepEqual(await run(['-'], { stdin: MESSY }), { code: 0, stdout: TIDY, stderr: '' });
    assert.deepEqual(await run(['-'], { stdin: TIDY }), { code: 0, stdout: TIDY, stderr: '' });
    const check = await run(['--check', '-', '--stdin-filename', 'svc/Dockerfile'], { stdin: MESSY });
    assert.equal(check.code, 1);
    assert.equal(check.stdout, '');
    assert.match(check.stderr, /^would format svc\/Dockerfile\n/);
  });

  it('notes per file the lines it left as written, and formats the rest', async () => {
    const p = write('kept/Dockerfile', 'from alpine:3.20\nbogus thing\nrun  echo hi\nalso  bogus\n');
    const r = await run(['kept/Dockerfile']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, 'dockwise: kept/Dockerfile: note: lines 2, 4 left as written, since the parser does not understand them\n');
    assert.equal(read(p), 'FROM alpine:3.20\nbogus thing\nRUN echo hi\nalso  bogus\n');
    const one = await run(['--check', '-', '--stdin-filename', 'one/Dockerfile'], { stdin: 'FROM alpine:3.20\nbogus thing\n' });
    assert.equal(one.code, 0);
    assert.match(one.stderr, /^dockwise: one\/Dockerfile: note: line 2 left as written, since the parser does not understand it\n/);
  });

  it('keeps a byte-order mark and CRLF line endings', async () => {
    const p = write('crlf/Dockerfile', '\uFEFFfrom alpine:3.20\r\nrun echo hi  \r\n');
    assert.equal((await run(['crlf/Dockerfile'])).code, 0);
    assert.equal(read(p), '\uFEFFFROM alpine:3.20\r\nRUN echo hi\r\n');
  });

  it('reads the options from the config file: .dockwise.yaml\'s format:, --config, --no-config; --set goes over them', async () => {
    write('config/.dockwise.yaml', 'format:\n  keywordCase: lower\n');
    const p = write('config/Dockerfile', MESSY);
    assert.equal((await run(['config/Dockerfile'])).code, 0);
    assert.equal(read(p), 'from alpine:3.20\nrun echo hi\n');
    assert.equal((await run(['--no-config', 'config/Dockerfile'])).code, 0);
    assert.equal(read(p), TIDY);
    write('other.yaml', 'format:\n  keywordCase: lower\n');
    assert.equal((await run(['--no-config', '--config', 'other.yaml', 'config/Dockerfile'])).code, 0);
    assert.equal(read(p), TIDY, '--no-config wins, as when linting');
    assert.equal((await run(['--config', 'other.yaml', 'config/Dockerfile'])).code, 0);
    assert.equal(read(p), 'from alpine:3.20\nrun echo hi\n');
    assert.equal((await run(['--set', 'keywordCase=upper', 'config/Dockerfile'])).code, 0);
    assert.equal(read(p), TIDY);
    assert.deepEqual(await run(['--set=keywordCase=lower', '-', '--stdin-filename', 'config/Dockerfile'], { stdin: TIDY }), { code: 0, stdout: 'from alpine:3.20\nrun echo hi\n', stderr: '' });
  });

  it('reports a bad format: once, with its file and line, and formats with the rest', async () => {
    write('badconfig/.dockwise.yaml', 'format:\n  keywordCase: shout\n  trimTrailingWhitespace: false\n');
    const p = write('badconfig/Dockerfile', 'from alpine:3.20\n# a note   \nrun  echo hi\n');
    const r = await run(['badconfig/Dockerfile']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, `dockwise: ${path.join(tmp, 'badconfig', '.dockwise.yaml')}:2: format.keywordCase: "shout" is not one of upper, lower, preserve\n`);
    assert.equal(read(p), 'FROM alpine:3.20\n# a note   \nRUN echo hi\n', 'the default keyword case; trailing spaces kept as the config asks');
  });

  it('a bad --set, a missing path or an unreadable file: a clear message and exit 2', async () => {
    const see = 'Run "dockwise format --help" for usage.\n';
    assert.deepEqual(await run(['--set', 'indent=12', '-']), { code: 2, stdout: '', stderr: `dockwise format: --set indent: "12" is not one of auto, tab, 1-8\n${see}` });
    assert.deepEqual(await run(['--set', 'keyword-case=lower', '-']), { code: 2, stdout: '', stderr: `dockwise format: --set: unknown formatter option "keyword-case"; did you mean "keywordCase"?\n${see}` });
    assert.deepEqual(await run(['--set', 'keywordCase']), { code: 2, stdout: '', stderr: `dockwise format: --set expects NAME=VALUE, got "keywordCase"\n${see}` });
    assert.deepEqual(await run(['--fix']), { code: 2, stdout: '', stderr: `dockwise format: unknown option --fix\n${see}` });
    const missing = await run(['nowhere/Dockerfile']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'dockwise: nowhere/Dockerfile: no such file or folder\n');
    write('binary/Dockerfile', Buffer.from([0x46, 0x52, 0x00, 0x4d]));
    const ok = write('binary/Dockerfile.ok', MESSY);
    const binary = await run(['binary']);
    assert.equal(binary.code, 2);
    assert.match(binary.stderr, /binary\/Dockerfile: binary file \(contains NUL bytes\), not a Dockerfile\n/);
    assert.equal(read(ok), TIDY, 'the other files are still formatted');
    const empty = write('empty/Dockerfile', '');
    assert.equal((await run(['empty/Dockerfile'])).code, 0, 'an empty file has nothing to format');
    assert.equal(read(empty), '');
  });

  it('--help, in English and Korean; the main help names the command', async () => {
    assert.deepEqual(await run(['--help']), { code: 0, stdout: formatHelpText('en'), stderr: '' });
    assert.match(formatHelpText('en'), /--check +write nothing; list the files that would change, exit 1 if any/);
    const ko = await run(['--lang', 'ko', '--help']);
    assert.equal(ko.stdout, formatHelpText('ko'));
    assert.match(ko.stdout, /^사용법: dockwise format/);
    let main = '';
    await runCli(['--help'], { cwd: tmp, stdout: (s) => { main += s; }, stderr: () => undefined, readStdin: () => Buffer.alloc(0), isTTY: false, env: {} }, '9.9.9');
    assert.match(main, /\n {2}format \[path\|glob\|- \.\.\.\] +format Dockerfiles in place/);
  });
});
