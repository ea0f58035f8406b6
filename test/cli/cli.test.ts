import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { runCli } from '../../server/src/cli/run';
import { shellcheckAvailable } from '../../server/src/host/node';
import { findRules, ruleHelpMarkdown } from '../../server/src/engine';

const root = path.resolve(__dirname, '../../..');
let tmp: string;

async function run(args: string[], opts: { cwd?: string; stdin?: string | Buffer; tty?: boolean; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd: opts.cwd ?? tmp,
    stdout: (s) => { stdout += s; },
    stderr: (s) => { stderr += s; },
    readStdin: () => Buffer.from(opts.stdin ?? ''),
    isTTY: opts.tty ?? false,
    // A fixed date (2026-06-01) so that end-of-life findings do not change the fixtures' results as time passes.
    env: { SOURCE_DATE_EPOCH: '1780272000', ...opts.env },
  }, '9.9.9');
  return { code, stdout, stderr };
}

function write(rel: string, text: string | Buffer) {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

const BAD = 'FROM alpine:latest\nRUN apk add curl\nENTRYPOINT echo hi\n';

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-cli-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'no-user-config');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('formats', () => {
  it('json has exactly the documented shape', async () => {
    write('json/Dockerfile', BAD);
    const { code, stdout } = await run(['--format', 'json', 'json/Dockerfile']);
    assert.equal(code, 1);
    const out = JSON.parse(stdout);
    assert.deepEqual(Object.keys(out), ['version', 'files']);
    assert.equal(out.version, 1);
    assert.deepEqual(Object.keys(out.files[0]), ['path', 'findings']);
    const f = out.files[0].findings.find((x: { rule: string }) => x.rule === 'apk-add-missing-no-cache');
    assert.deepEqual(f, {
      rule: 'apk-add-missing-no-cache', hadolint: 'DL3019', buildkit: null, severity: 'info',
      message: "'apk add' without '--no-cache' leaves the package index in the image", markdown: '`apk add` without `--no-cache` leaves the package index in the image',
      line: 2, column: 5, endLine: 2, endColumn: 8, fixes: [{ title: 'Add --no-cache', safety: 'safe' }],
    });
    for (const x of out.files[0].findings) assert.deepEqual(Object.keys(x), ['rule', 'hadolint', 'buildkit', 'severity', 'message', 'markdown', 'line', 'column', 'endLine', 'endColumn', 'fixes']);
  });

  it('sarif is SARIF 2.1.0 with rule metadata, locations and fixes', async () => {
    write('sarif/Dockerfile', BAD);
    const { stdout } = await run(['-f', 'sarif', 'sarif/Dockerfile']);
    const log = JSON.parse(stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const runObj = log.runs[0];
    assert.equal(runObj.tool.driver.name, 'dockwise');
    assert.equal(runObj.tool.driver.version, '9.9.9');
    assert.equal(runObj.tool.driver.informationUri, undefined);
    const rules = runObj.tool.driver.rules;
    assert.ok(rules.length > 20);
    for (const r of rules) {
      assert.equal(typeof r.id, 'string');
      assert.equal(typeof r.shortDescription.text, 'string');
      // The rule's page travels in the log; there is no page on the web to point at.
      assert.equal(r.helpUri, undefined);
      assert.equal(r.help.markdown, ruleHelpMarkdown(findRules(r.id)[0]));
      assert.ok(r.help.text.includes(findRules(r.id)[0].meta.docs.why), r.id);
      assert.ok(['error', 'warning', 'note', 'none'].includes(r.defaultConfiguration.level));
      // Code scanning filters by tags: the category first (`security` puts a finding under Security).
      assert.equal(r.properties.tags[0], findRules(r.id)[0].meta.category);
    }
    assert.deepEqual(rules.find((r: { id: string }) => r.id === 'runs-as-root').properties.tags, ['security', 'preview']);
    assert.deepEqual(rules.find((r: { id: string }) => r.id === 'apt-get-missing-yes').properties.tags, ['correctness', 'DL3014']);
    for (const res of runObj.results) {
      assert.equal(rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      const region = res.locations[0].physicalLocation.region;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endColumn >= 1);
      assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'sarif/Dockerfile');
    }
    const apk = runObj.results.find((r: { ruleId: string }) => r.ruleId === 'apk-add-missing-no-cache');
    const help = rules[apk.ruleIndex].help;
    assert.match(help.markdown, /^\*\*`apk add` without `--no-cache`[^\n]*\*\*\n[\s\S]*\n## Why\n[\s\S]*\n## Examples\n\nProblem:\n\n```dockerfile\n[\s\S]*## Suppressing\n\n`# dockwise ignore=apk-add-missing-no-cache`/);
    assert.match(help.text, /^`apk add` without `--no-cache`[^\n]*\.\n\n/);
    assert.deepEqual(apk.fixes[0].artifactChanges[0].replacements[0], { deletedRegion: { startLine: 2, startColumn: 12, endLine: 2, endColumn: 12 }, insertedContent: { text: ' --no-cache' } });
  });

  it('github workflow commands escape what they must', async () => {
    write('gh/Dockerfile', BAD);
    const { stdout } = await run(['--format=github', 'gh/Dockerfile']);
    assert.match(stdout, /^::notice file=gh\/Dockerfile,line=2,col=5,endLine=2,endColumn=8,title=apk-add-missing-no-cache::'apk add' without '--no-cache'/m);
    assert.doesNotMatch(stdout, /`/, 'annotations are plain text: no Markdown backticks');
    assert.match(stdout, /^::warning file=gh\/Dockerfile,line=1,col=13/m);
  });

  it('checkstyle XML and GitLab Code Quality JSON', async () => {
    write('cs/Dockerfile', 'FROM alpine:3.21\nMAINTAINER "A & B" <a@b>\n');
    // strict: MAINTAINER at its own severity, warning (recommended lowers it to info).
    const xml = (await run(['-f', 'checkstyle', '--profile', 'strict', 'cs/Dockerfile'])).stdout;
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<checkstyle version="4.3">/);
    assert.match(xml, /<file name="cs\/Dockerfile">/);
    assert.match(xml, /<error line="2" column="1" severity="warning" message="MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors" source="dockwise.maintainer-deprecated"\/>/);
    const gl = JSON.parse((await run(['-f', 'gitlab', '--profile', 'strict', 'cs/Dockerfile'])).stdout);
    const m = gl.find((i: { check_name: string }) => i.check_name === 'maintainer-deprecated');
    assert.equal(m.severity, 'major');
    assert.deepEqual(m.location, { path: 'cs/Dockerfile', lines: { begin: 2, end: 2 } });
    assert.match(m.fingerprint, /^[0-9a-f]{64}$/);
  });

  it('stylish underlines the offending text and counts what is fixable; colours only on a terminal', async () => {
    write('st/Dockerfile', BAD);
    const plain = await run(['--profile', 'strict', 'st/Dockerfile']);
    assert.match(plain.stdout, /^st\/Dockerfile\n/);
    assert.match(plain.stdout, / {2}2:5 {5}info {5}'apk add' without '--no-cache' leaves the package index in the image {2}apk-add-missing-no-cache {2}\[fix\]\n {10}RUN apk add curl\n {14}\^\^\^\n/);
    assert.doesNotMatch(plain.stdout, /`/, 'the report is plain text: no Markdown backticks');
    assert.match(plain.stdout, /✖ \d+ problems \(0 errors, \d+ warnings, 2 info, 0 style\); 2 fixable with --fix/);
    assert.ok(!plain.stdout.includes('\x1b['));
    assert.ok((await run(['st/Dockerfile'], { tty: true })).stdout.includes('\x1b['));
    assert.ok(!(await run(['--no-color', 'st/Dockerfile'], { tty: true })).stdout.includes('\x1b['));
  });

  it('stylish tags each fixable finding, safe or unsafe only, and the summary counts the same findings', async () => {
    // strict: missing-dockerignore and copy-all-before-dependency-install have only unsafe fixes, the ENV a safe
    // one; copy-relative-without-workdir has none.
    write('marks/Dockerfile', 'FROM node:22-slim\nCOPY . .\nRUN npm ci\nENV NODE_ENV production\nUSER node\nCMD ["node", "a.js"]\n');
    const { stdout } = await run(['--profile', 'strict', 'marks/Dockerfile']);
    const tagOf = (rule: string) => new RegExp(`^ {2}\\d+:\\d+ .* ${rule}(?: {2}(\\[fix\\]|\\[unsafe fix\\]))?$`, 'm').exec(stdout)?.[1] ?? 'none';
    assert.deepEqual(
      ['missing-dockerignore', 'copy-relative-without-workdir', 'legacy-key-value-format'].map(tagOf),
      ['[unsafe fix]', 'none', '[fix]'],
    );
    const tags = { safe: stdout.match(/ {2}\[fix\]$/gm)?.length ?? 0, unsafe: stdout.match(/ {2}\[unsafe fix\]$/gm)?.length ?? 0 };
    assert.ok(tags.safe >= 1 && tags.unsafe >= 1, stdout);
    assert.match(stdout, new RegExp(`; ${tags.safe} fixable with --fix, ${tags.unsafe} more with --fix --unsafe-fixes\n$`));
    // Only unsafe fixes: the summary does not say "0 fixable with --fix".
    write('marks2/Dockerfile', 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD ["node", "a.js"]\n');
    const only = (await run(['marks2/Dockerfile'])).stdout;
    assert.match(only, /missing-dockerignore {2}\[unsafe fix\]$/m);
    assert.match(only, /; 2 fixable with --fix --unsafe-fixes\n$/);
    assert.doesNotMatch(only, /\[fix\]/);
    // On a terminal the tags are coloured: green for safe, yellow for unsafe.
    const tty = (await run(['--profile', 'strict', 'marks/Dockerfile'], { tty: true })).stdout;
    assert.ok(tty.includes('\x1b[32m[fix]\x1b[0m') && tty.includes('\x1b[33m[unsafe fix]\x1b[0m'));
  });

  it('GitLab Code Quality: every field GitLab reads, its severity scale, fingerprints that survive edits above and stay unique', async () => {
    // One finding at each severity: error (raised with --rule), warning, info, style.
    const text = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm install\nLABEL Com.Example.Key=1\nUSER node\nCMD ["node", "a.js"]\n';
    write('glsev/Dockerfile', text);
    const args = ['-f', 'gitlab', '--profile', 'strict', '--rule', 'copy-all-before-dependency-install=error'];
    const issues = JSON.parse((await run([...args, 'glsev/Dockerfile'])).stdout) as Array<Record<string, any>>;
    const sev = Object.fromEntries(issues.map((i) => [i.check_name, i.severity]));
    assert.deepEqual(sev, { 'copy-all-before-dependency-install': 'critical', 'missing-dockerignore': 'major', 'user-non-numeric': 'minor', 'prefer-cache-mount': 'minor', 'label-key-invalid': 'info' });
    for (const i of issues) {
      assert.equal(typeof i.description, 'string');
      assert.match(i.fingerprint, /^[0-9a-f]{64}$/);
      assert.equal(i.location.path, 'glsev/Dockerfile');
      assert.ok(Number.isInteger(i.location.lines.begin) && i.location.lines.begin >= 1);
      assert.deepEqual(i.categories, [i.severity === 'critical' ? 'Bug Risk' : 'Style']);
    }
    // Lines added above move every finding; the merge request must not see them as new.
    write('glsev/Dockerfile', '# syntax=docker/dockerfile:1\n# The web service.\n\n' + text);
    const moved = JSON.parse((await run([...args, 'glsev/Dockerfile'])).stdout) as Array<Record<string, any>>;
    assert.deepEqual(moved.map((i) => i.location.lines.begin), issues.map((i) => i.location.lines.begin + 3));
    assert.deepEqual(moved.map((i) => i.fingerprint), issues.map((i) => i.fingerprint));
    // Identical findings are distinct issues (GitLab shows issues that share a fingerprint as one).
    write('gltwin/Dockerfile', 'FROM alpine:3.21\nRUN apk add curl\nRUN apk add curl\nUSER 1000\n');
    const twins = JSON.parse((await run(['-f', 'gitlab', 'gltwin/Dockerfile'])).stdout) as Array<Record<string, any>>;
    assert.deepEqual(twins.map((i) => i.check_name), ['apk-add-missing-no-cache', 'apk-add-missing-no-cache']);
    assert.notEqual(twins[0].fingerprint, twins[1].fingerprint);
    // The path is the project's, relative, however the file was named; a file that could not be linted is an issue too.
    write('glpath/empty.Dockerfile', '');
    const named = JSON.parse((await run(['-f', 'gitlab', path.join(tmp, 'gltwin/Dockerfile'), './gltwin/Dockerfile', 'glpath/empty.Dockerfile'])).stdout) as Array<Record<string, any>>;
    assert.deepEqual([...new Set(named.map((i) => i.location.path))], ['gltwin/Dockerfile', 'glpath/empty.Dockerfile']);
    const empty = named.find((i) => i.location.path === 'glpath/empty.Dockerfile')!;
    assert.deepEqual([empty.check_name, empty.severity, empty.location.lines.begin, empty.description], ['dockwise', 'critical', 1, 'glpath/empty.Dockerfile: empty file']);
    // Its fingerprint is the same in every language (a merge request compares them across pipelines).
    const inKorean = JSON.parse((await run(['-f', 'gitlab', '--lang', 'ko', 'glpath/empty.Dockerfile'])).stdout) as Array<Record<string, any>>;
    assert.notEqual(inKorean[0].description, empty.description);
    assert.equal(inKorean[0].fingerprint, empty.fingerprint);
  });

  it('SARIF says "unsafe" once in a fix description, and leaves out fixes with nothing to replace', async () => {
    // copy-all-before-dependency-install's title ends in "(unsafe)"; label-key-invalid's ("Rename to …") does not
    // say it; missing-dockerignore's only creates a file.
    write('sarif-unsafe/Dockerfile', 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm install\nLABEL Com.Example.Key=1\nUSER node\nCMD ["node", "a.js"]\n');
    const log = JSON.parse((await run(['-f', 'sarif', '--profile', 'strict', 'sarif-unsafe/Dockerfile'])).stdout);
    const results = log.runs[0].results as Array<{ ruleId: string; fixes?: Array<{ description: { text: string } }> }>;
    const fixText = (rule: string) => results.find((r) => r.ruleId === rule)!.fixes?.map((f) => f.description.text);
    assert.deepEqual(fixText('copy-all-before-dependency-install'), ['Copy package*.json and install before copying the source (unsafe)']);
    assert.deepEqual(fixText('label-key-invalid'), ['Rename to com.example.key (unsafe)']);
    assert.equal(fixText('missing-dockerignore'), undefined);
    for (const r of results) for (const f of r.fixes ?? []) assert.ok((f.description.text.match(/unsafe/gi)?.length ?? 0) <= 1, f.description.text);
  });
});

describe('fixing', () => {
  it('--fix writes safe fixes in place; a second run has nothing to fix; the .dockerignore (unsafe) needs --unsafe-fixes', async () => {
    // python's image has no ENTRYPOINT, so the exec-form CMD is a safe fix (under node's docker-entrypoint.sh it is unsafe).
    const p = write('fix/Dockerfile', 'FROM python:3.13-slim\nCOPY . .\nRUN apk add curl\nCMD python app.py\n');
    const { code } = await run(['--fix', 'fix/Dockerfile']);
    assert.equal(code, 1);
    assert.equal(fs.readFileSync(p, 'utf8'), 'FROM python:3.13-slim\nCOPY . .\nRUN apk add --no-cache curl\nCMD ["python", "app.py"]\n');
    assert.equal(fs.existsSync(path.join(tmp, 'fix/.dockerignore')), false);
    const again = await run(['--diff', 'fix/Dockerfile']);
    assert.equal(again.stdout, '');
    await run(['--fix', '--unsafe-fixes', 'fix/Dockerfile']);
    assert.match(fs.readFileSync(path.join(tmp, 'fix/.dockerignore'), 'utf8'), /^\.git$/m);
  });

  it('--unsafe-fixes adds unsafe ones; --diff prints and writes nothing', async () => {
    // runs-as-root (off by default, turned on here) has only an unsafe fix: a new user and USER.
    // (With a CMD: an image that starts python's prompt is a base image, which runs-as-root leaves alone.)
    const p = write('diff/Dockerfile', 'FROM python:3.13\nRUN pip install flask\nCMD ["flask", "run"]\n');
    const before = fs.readFileSync(p, 'utf8');
    const { stdout } = await run(['--diff', '--unsafe-fixes', '--rule', 'runs-as-root=info', 'diff/Dockerfile']);
    assert.equal(fs.readFileSync(p, 'utf8'), before);
    assert.match(stdout, /^--- a\/diff\/Dockerfile\n\+\+\+ b\/diff\/Dockerfile\n@@ -1,3 \+1,5 @@\n-FROM python:3\.13\n/m);
    assert.match(stdout, /^\+RUN pip install --no-cache-dir flask$/m);
    assert.match(stdout, /^\+FROM python:3\.13-slim$/m);
  });

  it('reads the first bytes of an ADD source on disk: a gzip file is unpacked by ADD, a text file gets COPY', async () => {
    write('archive/Dockerfile', 'FROM alpine:3.21\nADD rootfs /\nADD notes /srv/\n');
    write('archive/rootfs', zlib.gzipSync(Buffer.from('not even a tar, ADD still looks inside')));
    write('archive/notes', 'plain text\n');
    const { stdout } = await run(['--format', 'json', '--no-config', 'archive/Dockerfile']);
    const adds = JSON.parse(stdout).files[0].findings.filter((f: { rule: string }) => f.rule === 'add-instead-of-copy');
    assert.deepEqual(adds.map((f: { line: number }) => f.line), [3]);
  });

  it('--diff is a patch git apply takes: a file without a final newline, a BOM, and a created .dockerignore', async () => {
    const cases = {
      'noeol/Dockerfile': 'FROM alpine:3.21\nRUN apk add curl',
      'noeol-tail/Dockerfile': 'FROM alpine:3.21\nRUN apk add curl\nCOPY a /a\nCOPY b /b\nCOPY c /c\nCOPY d /d\nUSER nobody',
      'bom/Dockerfile': '\uFEFFFROM alpine:3.21\r\nRUN apk add curl\r\n',
      'newfile/Dockerfile': 'FROM node:22-slim\nCOPY . .\nRUN npm ci',
    };
    for (const [rel, text] of Object.entries(cases)) {
      const dir = path.join(tmp, 'apply', path.dirname(rel));
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'Dockerfile'), text);
      // The .dockerignore is an unsafe fix: it may exclude what the build needs.
      const unsafe = rel === 'newfile/Dockerfile' ? ['--unsafe-fixes'] : [];
      const { stdout } = await run(['--diff', '--no-config', ...unsafe, path.join('apply', rel)]);
      assert.ok(stdout.startsWith('--- '), `${rel}: a diff`);
      // Far from the end (noeol-tail) the last line is not in a hunk and needs no marker.
      if (rel === 'noeol/Dockerfile') assert.match(stdout, /^\\ No newline at end of file$/m);
      const patch = path.join(tmp, 'apply', `${path.dirname(rel)}.patch`);
      fs.writeFileSync(patch, stdout);
      const check = spawnSync('git', ['apply', '--check', '-v', patch], { cwd: tmp, encoding: 'utf8' });
      assert.equal(check.status, 0, `${rel}: git apply --check: ${check.stderr}`);
      // Applied, the patch gives what --fix writes.
      spawnSync('git', ['apply', patch], { cwd: tmp });
      const applied = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
      fs.writeFileSync(path.join(dir, 'Dockerfile'), text);
      if (fs.existsSync(path.join(dir, '.dockerignore'))) fs.rmSync(path.join(dir, '.dockerignore'));
      await run(['--fix', '--no-config', ...unsafe, path.join('apply', rel)]);
      assert.equal(applied, fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), `${rel}: applied = fixed`);
    }
  });

  it('keeps a BOM and CRLF line endings', async () => {
    const p = write('crlf/Dockerfile', '\uFEFFFROM alpine:3.21\r\nRUN apk add curl\r\n');
    await run(['--fix', '--no-config', 'crlf/Dockerfile']);
    assert.equal(fs.readFileSync(p, 'utf8'), '\uFEFFFROM alpine:3.21\r\nRUN apk add --no-cache curl\r\n');
  });

  it('stdin with --fix prints the fixed text and reports on stderr', async () => {
    const r = await run(['--fix', '-'], { stdin: 'FROM alpine\nRUN apk add curl\nCMD ["crond", "-f"]\n' });
    assert.equal(r.stdout, 'FROM alpine\nRUN apk add --no-cache curl\nCMD ["crond", "-f"]\n');
    assert.match(r.stderr, /<stdin>/);
  });

  it('--fix says what it changed: per file the fixes per rule and the files it created, then a total; nothing when nothing changed', async () => {
    write('said/a/Dockerfile', 'FROM python:3.13-alpine\nWORKDIR /app\nCOPY . .\nRUN apk add curl\nRUN apk add jq\nENTRYPOINT python app.py\n');
    write('said/b/Dockerfile', 'FROM alpine:3.21\nRUN apk add git\nUSER 1000\n');
    write('said/c/Dockerfile', 'FROM alpine:3.21\nUSER 1000\n');
    const r = await run(['--fix', 'said/a/Dockerfile', 'said/b/Dockerfile', 'said/c/Dockerfile']);
    assert.equal(r.stderr, '');
    // The summary first, then the report of what is left (a's missing .dockerignore, an unsafe fix).
    assert.ok(r.stdout.startsWith([
      'said/a/Dockerfile: 3 fixes applied',
      '  2  apk-add-missing-no-cache',
      '  1  shell-form-cmd',
      'said/b/Dockerfile: 1 fix applied',
      '  1  apk-add-missing-no-cache',
      '✔ 4 fixes applied in 2 files',
      '',
      'said/a/Dockerfile',
    ].join('\n')), r.stdout);
    assert.match(r.stdout, /missing-dockerignore {2}\[unsafe fix\]\n/);
    const unsafe = await run(['--fix', '--unsafe-fixes', 'said/a/Dockerfile']);
    assert.equal(unsafe.stdout, [
      'said/a/Dockerfile: 1 fix applied',
      '  1  missing-dockerignore',
      '  created said/a/.dockerignore',
      '✔ 1 fix applied in 1 file, 1 file created',
      '',
      '',
    ].join('\n'));
    assert.ok(fs.existsSync(path.join(tmp, 'said/a/.dockerignore')));
    // Nothing left to fix: nothing said.
    assert.deepEqual(await run(['--fix', '--unsafe-fixes', 'said/a/Dockerfile', 'said/c/Dockerfile']), { code: 0, stdout: '', stderr: '' });
  });

  it('--fix keeps machine-readable reports clean: the summary goes to stderr, as it does when the fixed text goes to stdout', async () => {
    write('said-json/Dockerfile', 'FROM alpine:3.21\nRUN apk add curl\nUSER 1000\n');
    const json = await run(['--fix', '-f', 'json', 'said-json/Dockerfile']);
    assert.deepEqual(JSON.parse(json.stdout).files[0].findings, []);
    assert.equal(json.stderr, 'said-json/Dockerfile: 1 fix applied\n  1  apk-add-missing-no-cache\n✔ 1 fix applied in 1 file\n\n');
    // Standard input: the fixed text alone on stdout. A file a fix needs cannot be written beside it.
    write('said-stdin/keep.txt', '');
    const stdin = await run(['--fix', '--unsafe-fixes', '--stdin-filename', 'said-stdin/Dockerfile', '-'], { stdin: 'FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD python app.py\n' });
    assert.equal(stdin.stdout, 'FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD ["python", "app.py"]\n');
    assert.match(stdin.stderr, /^said-stdin\/Dockerfile: 2 fixes applied\n {2}1 {2}missing-dockerignore\n {2}1 {2}shell-form-cmd\n {2}not created: said-stdin\/\.dockerignore \(the Dockerfile came from standard input; run --fix on the file to create it\)\n✔ 2 fixes applied in 1 file\n/);
    assert.equal(fs.existsSync(path.join(tmp, 'said-stdin/.dockerignore')), false);
  });

  it('a config file\'s `fixes: unsafe: true` makes --fix and --diff apply unsafe fixes, as it does on save in the editor', async () => {
    write('cfg-unsafe/.dockwise.yaml', 'fixes:\n  unsafe: true\n');
    write('cfg-unsafe/Dockerfile', 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD ["node", "a.js"]\n');
    assert.match((await run(['--diff', 'cfg-unsafe/Dockerfile'])).stdout, /^\+\+\+ b\/cfg-unsafe\/\.dockerignore$/m);
    await run(['--fix', 'cfg-unsafe/Dockerfile']);
    assert.ok(fs.existsSync(path.join(tmp, 'cfg-unsafe/.dockerignore')));
  });
});

describe('exit codes and thresholds', () => {
  it('SOURCE_DATE_EPOCH sets the date end-of-life is judged on', async () => {
    write('eol/Dockerfile', 'FROM alpine:3.21\nUSER 1000\n');
    assert.doesNotMatch((await run(['eol/Dockerfile'])).stdout, /eol-base-image/, 'alpine 3.21 is supported on 2026-06-01');
    const later = await run(['eol/Dockerfile'], { env: { SOURCE_DATE_EPOCH: '1796083200' } });
    assert.match(later.stdout, /alpine 3\.21 reached end of life on 2026-11-01.*eol-base-image/);
  });

  it('0 below the threshold, 1 at or above it', async () => {
    write('th/Dockerfile', 'FROM alpine:3.21\nRUN apk add --no-cache curl=8.11.1-r0\nUSER 1000\n');
    assert.equal((await run(['th/Dockerfile'])).code, 0);
    write('th2/Dockerfile', 'FROM alpine:3.21\nRUN apk add curl=8.11.1-r0\nUSER 1000\n');
    assert.equal((await run(['th2/Dockerfile'])).code, 1, 'info counts at the default threshold');
    assert.equal((await run(['-t', 'warning', 'th2/Dockerfile'])).code, 0);
    assert.equal((await run(['--failure-threshold', 'none', 'json/Dockerfile'])).code, 0);
  });

  it("each file is judged by its own config's failure-threshold, exactly as when linted alone", async () => {
    // quiet/ fails on nothing, strict/ on warnings, plain/ has no config (info). BAD has warnings in each.
    write('own/quiet/.dockwise.yaml', 'failure-threshold: none\n');
    write('own/quiet/Dockerfile', BAD);
    write('own/strict/.dockwise.yaml', 'failure-threshold: warning\n');
    write('own/strict/Dockerfile', BAD);
    write('own/plain/Dockerfile', BAD);
    const alone = async (p: string) => (await run([p])).code;
    assert.deepEqual([await alone('own/quiet/Dockerfile'), await alone('own/strict/Dockerfile'), await alone('own/plain/Dockerfile')], [0, 1, 1]);
    for (const paths of [['own/quiet/Dockerfile', 'own/plain/Dockerfile'], ['own/strict/Dockerfile', 'own/quiet/Dockerfile'], ['own/quiet/Dockerfile', 'own/strict/Dockerfile']]) {
      assert.equal((await run(paths)).code, 1, paths.join(' '));
      assert.equal((await run(['--diff', ...paths])).code, 1, `--diff ${paths.join(' ')}`);
    }
    write('own/quiet2/.dockwise.yaml', 'failure-threshold: none\n');
    write('own/quiet2/Dockerfile', BAD);
    assert.equal((await run(['own/quiet/Dockerfile', 'own/quiet2/Dockerfile'])).code, 0);
    // The option is over every file's config.
    assert.equal((await run(['-t', 'none', 'own/strict/Dockerfile', 'own/plain/Dockerfile'])).code, 0);
    assert.equal((await run(['-t', 'warning', 'own/quiet/Dockerfile'])).code, 1);
  });

  it('--ignore and --rule apply, by id or alias', async () => {
    const r = await run(['-f', 'json', '--ignore', 'DL3019', '--rule', 'base-image-latest=error', 'json/Dockerfile']);
    const findings = JSON.parse(r.stdout).files[0].findings;
    assert.ok(!findings.some((f: { rule: string }) => f.rule === 'apk-add-missing-no-cache'));
    assert.equal(findings.find((f: { rule: string }) => f.rule === 'base-image-latest').severity, 'error');
  });

  it('2 for usage errors, missing paths and unknown rules, with a clear message', async () => {
    let r = await run(['--bogus']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option --bogus/);
    r = await run(['does/not/exist']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /does\/not\/exist: no such file or folder/);
    r = await run(['--ignore', 'consecutive-runs', 'json/Dockerfile']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /did you mean "consecutive-run"/);
    r = await run(['-f', 'xml', 'json/Dockerfile']);
    assert.equal(r.code, 2);
  });

  it('binary, empty and non-UTF-8 files are reported and the others still linted', async () => {
    write('mixed/a.Dockerfile', Buffer.from([0x46, 0x52, 0x00, 0x01]));
    write('mixed/b.Dockerfile', '');
    write('mixed/c.Dockerfile', Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe, 0x0a]));
    write('mixed/d.Dockerfile', BAD);
    const r = await run(['-f', 'json', 'mixed']);
    const files = JSON.parse(r.stdout).files;
    assert.deepEqual(files.map((f: { path: string; error?: string }) => [f.path, f.error ?? 'ok']), [
      ['mixed/a.Dockerfile', 'binary file (contains NUL bytes), not a Dockerfile'],
      ['mixed/b.Dockerfile', 'empty file'],
      ['mixed/c.Dockerfile', 'not valid UTF-8 text'],
      ['mixed/d.Dockerfile', 'ok'],
    ]);
    assert.ok(files[3].findings.length > 0);
    assert.equal(r.code, 1);
  });
});

describe('discovery and config', () => {
  it('with no paths finds Dockerfile-like names below the folder, skipping node_modules and .git', async () => {
    const dir = path.join(tmp, 'disc');
    for (const f of ['Dockerfile', 'svc/Containerfile', 'svc/Dockerfile.prod', 'web/app.Dockerfile', 'node_modules/x/Dockerfile', '.git/Dockerfile', 'README.md']) write(`disc/${f}`, 'FROM alpine:3.21\nUSER 1\n');
    const r = await run(['-f', 'json'], { cwd: dir });
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['Dockerfile', 'svc/Containerfile', 'svc/Dockerfile.prod', 'web/app.Dockerfile']);
    const g = await run(['-f', 'json', 'svc/*'], { cwd: dir });
    assert.deepEqual(JSON.parse(g.stdout).files.map((f: { path: string }) => f.path), ['svc/Containerfile', 'svc/Dockerfile.prod']);
  });

  it('finds .hadolint.yaml above the file; a broken config is reported once and defaults apply', async () => {
    write('cfg/.hadolint.yaml', 'ignored: [DL3019]\n');
    write('cfg/a/Dockerfile', BAD);
    write('cfg/b/Dockerfile', BAD);
    let r = await run(['-f', 'json', 'cfg/a/Dockerfile']);
    assert.ok(!JSON.parse(r.stdout).files[0].findings.some((f: { rule: string }) => f.rule === 'apk-add-missing-no-cache'));
    r = await run(['-f', 'json', '--no-config', 'cfg/a/Dockerfile']);
    assert.ok(JSON.parse(r.stdout).files[0].findings.some((f: { rule: string }) => f.rule === 'apk-add-missing-no-cache'));
    write('broken/.dockwise.yaml', 'rules:\n  - nope: [\n');
    write('broken/a/Dockerfile', BAD);
    write('broken/b/Dockerfile', BAD);
    r = await run(['-f', 'json', 'broken']);
    assert.equal(r.stderr.match(/\.dockwise\.yaml:\d+: not valid YAML/g)?.length, 1);
    assert.equal(JSON.parse(r.stdout).files.length, 2);
  });

  it('--explain, --list-rules and --version', async () => {
    const e = await run(['--explain', 'DL3059']);
    assert.match(e.stdout, /^# consecutive-run\n/);
    const l = await run(['--list-rules']);
    assert.match(l.stdout, /^consecutive-run +off +size +DL3059 +- +both$/m);
    assert.match(l.stdout, /^shell-form-cmd +warning +runtime +DL3025 +JSONArgsRecommended +both$/m);
    assert.match(l.stdout, /^runs-as-root +off +security +- +- +unsafe +preview$/m);
    assert.equal((await run(['--version'])).stdout, '9.9.9\n');
  });
});

describe('profiles', () => {
  const PINNABLE = 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\nUSER 1000\n';
  const found = async (args: string[], file: string) => JSON.parse((await run(['-f', 'json', ...args, file])).stdout).files[0].findings.map((f: { rule: string; severity: string }) => `${f.rule} ${f.severity}`);

  it('--profile, over the config file\'s profile:, under --rule', async () => {
    write('prof/Dockerfile', PINNABLE);
    assert.deepEqual(await found([], 'prof/Dockerfile'), []);
    assert.deepEqual(await found(['--profile', 'strict'], 'prof/Dockerfile'), ['prefer-cache-mount info', 'apt-get-unpinned-package warning']);
    write('prof/.dockwise.yaml', 'profile: hadolint\n');
    assert.deepEqual(await found([], 'prof/Dockerfile'), ['apt-get-unpinned-package warning']);
    assert.deepEqual(await found(['-p', 'recommended'], 'prof/Dockerfile'), []);
    assert.deepEqual(await found(['--profile=recommended', '--rule', 'DL3008=error'], 'prof/Dockerfile'), ['apt-get-unpinned-package error']);
  });

  it('an unknown --profile is a usage error with a suggestion; one in a config file is reported once, and the default used', async () => {
    const r = await run(['--profile', 'hadolnt', 'prof/Dockerfile']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^dockwise: unknown profile "hadolnt"; did you mean "hadolint"\?\n/);
    write('prof2/.dockwise.yaml', 'profile: everything\n');
    write('prof2/a/Dockerfile', PINNABLE);
    write('prof2/b/Dockerfile', PINNABLE);
    const r2 = await run(['-f', 'json', 'prof2']);
    assert.equal(r2.stderr, `dockwise: ${path.join(tmp, 'prof2/.dockwise.yaml')}:1: profile: unknown profile "everything"; the profiles are recommended, strict, modern, hadolint, buildkit. Using recommended.\n`);
    assert.deepEqual(JSON.parse(r2.stdout).files.map((f: { findings: unknown[] }) => f.findings), [[], []]);
  });

  it('--list-rules and SARIF\'s rule configuration follow the profile; --explain names the profiles that turn a rule on', async () => {
    assert.match((await run(['--list-rules'])).stdout, /^apt-get-unpinned-package +off +reproducibility +DL3008 +- +-$/m);
    assert.match((await run(['--list-rules', '--profile', 'strict'])).stdout, /^apt-get-unpinned-package +warning +reproducibility +DL3008 +- +-$/m);
    const rule = async (args: string[]) => JSON.parse((await run(['-f', 'sarif', ...args, 'prof/Dockerfile'])).stdout).runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'apt-get-unpinned-package').defaultConfiguration;
    assert.deepEqual(await rule([]), { level: 'none', enabled: false });
    assert.deepEqual(await rule(['--profile', 'strict']), { level: 'warning', enabled: true });
    const e = (await run(['--explain', 'DL3008'])).stdout;
    assert.match(e, /\| Profiles \| On in strict \(warning\), hadolint \(warning\); off in recommended, modern, buildkit\. \|/);
    assert.match(e, /\nOff by default: Distribution mirrors drop superseded package versions/);
  });
});

describe('baselines', () => {
  const ORIGINAL = 'FROM alpine:latest\nRUN apk add curl\nENTRYPOINT echo hi\n';
  const lint = async (file: string, args: string[], cwd?: string) => {
    const r = await run(['-f', 'json', ...args, file], { cwd });
    return { code: r.code, stderr: r.stderr, found: JSON.parse(r.stdout).files[0].findings.map((f: { rule: string; line: number }) => `${f.rule}@${f.line}`) };
  };

  it('--baseline-write records today\'s findings, sorted, by path relative to the baseline, rule, fingerprint and count', async () => {
    write('bl/Dockerfile', ORIGINAL + 'RUN apk add curl\n');
    const r = await run(['--baseline-write', 'bl/baseline.json', 'bl/Dockerfile']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'dockwise: recorded 4 findings in bl/baseline.json\n');
    const data = JSON.parse(fs.readFileSync(path.join(tmp, 'bl/baseline.json'), 'utf8'));
    assert.deepEqual(Object.keys(data), ['version', 'findings']);
    assert.equal(data.version, 1);
    assert.deepEqual(data.findings.map((e: { path: string; rule: string; count: number }) => `${e.path} ${e.rule} ${e.count}`), [
      'Dockerfile apk-add-missing-no-cache 2',
      'Dockerfile base-image-latest 1',
      'Dockerfile shell-form-cmd 1',
    ]);
    for (const e of data.findings) assert.match(e.fingerprint, /^[0-9a-f]{16}$/);
    // The same findings give the same file, byte for byte.
    const again = fs.readFileSync(path.join(tmp, 'bl/baseline.json'), 'utf8');
    await run(['--baseline-write', 'bl/baseline.json', 'bl/Dockerfile']);
    assert.equal(fs.readFileSync(path.join(tmp, 'bl/baseline.json'), 'utf8'), again);
  });

  it('--baseline reports only new findings: edits above do not bring a finding back, a changed instruction does', async () => {
    write('bl2/Dockerfile', ORIGINAL);
    assert.equal((await run(['--baseline-write', 'bl2/baseline.json', 'bl2/Dockerfile'])).code, 0);
    const base = ['--baseline', 'bl2/baseline.json'];
    assert.deepEqual(await lint('bl2/Dockerfile', base), { code: 0, stderr: '', found: [] });
    // Lines added above, and an instruction between: every finding moves, none is new.
    write('bl2/Dockerfile', '# The web image.\n\nFROM alpine:latest\nLABEL org.opencontainers.image.title=web\nRUN   apk add \\\n    curl\nENTRYPOINT echo hi\n');
    assert.deepEqual((await lint('bl2/Dockerfile', base)).found, []);
    // A new finding of a baselined rule elsewhere is reported; the baselined one is not.
    write('bl2/Dockerfile', 'FROM alpine:latest\nRUN apk add curl\nENTRYPOINT echo hi\nRUN apk add jq\n');
    assert.deepEqual(await lint('bl2/Dockerfile', base), { code: 1, stderr: '', found: ['apk-add-missing-no-cache@4'] });
    // The same instruction once more: the baseline held one.
    write('bl2/Dockerfile', 'FROM alpine:latest\nRUN apk add curl\nENTRYPOINT echo hi\nRUN apk add curl\n');
    assert.deepEqual((await lint('bl2/Dockerfile', base)).found, ['apk-add-missing-no-cache@4']);
    // A changed instruction is judged again.
    write('bl2/Dockerfile', 'FROM alpine:latest\nRUN apk add curl jq\nENTRYPOINT echo hello\n');
    assert.deepEqual((await lint('bl2/Dockerfile', base)).found, ['apk-add-missing-no-cache@2', 'shell-form-cmd@3']);
    // Without the baseline, everything.
    assert.deepEqual((await lint('bl2/Dockerfile', [])).found, ['base-image-latest@1', 'apk-add-missing-no-cache@2', 'shell-form-cmd@3']);
  });

  it('paths are relative to the baseline file, so it works from any folder; the summary counts what it hides', async () => {
    write('bl3/svc/Dockerfile', ORIGINAL);
    assert.equal((await run(['--baseline-write', '.dockwise-baseline.json', 'svc/Dockerfile'], { cwd: path.join(tmp, 'bl3') })).code, 0);
    assert.equal(JSON.parse(fs.readFileSync(path.join(tmp, 'bl3/.dockwise-baseline.json'), 'utf8')).findings[0].path, 'svc/Dockerfile');
    assert.deepEqual((await lint('bl3/svc/Dockerfile', ['--baseline', 'bl3/.dockwise-baseline.json'])).found, []);
    assert.deepEqual((await lint('Dockerfile', ['--baseline', '../.dockwise-baseline.json'], path.join(tmp, 'bl3/svc'))).found, []);
    const stylish = await run(['--baseline', 'bl3/.dockwise-baseline.json', 'bl3/svc/Dockerfile']);
    assert.equal(stylish.code, 0);
    assert.equal(stylish.stdout, '3 findings in the baseline not shown\n');
  });

  it('an unreadable or malformed baseline, or --baseline with --baseline-write, is a usage error', async () => {
    write('bl4/Dockerfile', ORIGINAL);
    let r = await run(['--baseline', 'bl4/none.json', 'bl4/Dockerfile']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^dockwise: bl4\/none\.json: cannot read the baseline/);
    write('bl4/bad.json', '{"version": 1, "findings": [{"path": "Dockerfile"}]}');
    r = await run(['--baseline', 'bl4/bad.json', 'bl4/Dockerfile']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^dockwise: bl4\/bad\.json: an entry is not \{path, rule, fingerprint, count\}/);
    write('bl4/text.json', 'Dockerfile: 3 findings\n');
    assert.match((await run(['--baseline', 'bl4/text.json', 'bl4/Dockerfile'])).stderr, /bl4\/text\.json: not valid JSON/);
    r = await run(['--baseline', 'bl4/bad.json', '--baseline-write', 'bl4/new.json', 'bl4/Dockerfile']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--baseline-write records every finding: it cannot be combined with --baseline/);
  });
});

describe('shellcheck', () => {
  it('--shellcheck adds SC findings at their exact place', async (t) => {
    if (!(await shellcheckAvailable())) return t.skip('shellcheck is not installed');
    write('sc/Dockerfile', 'FROM debian:12-slim\nRUN echo $1\nUSER 1\n');
    const without = JSON.parse((await run(['-f', 'json', 'sc/Dockerfile'])).stdout).files[0].findings;
    assert.ok(!without.some((f: { rule: string }) => f.rule.startsWith('SC')));
    const withSc = JSON.parse((await run(['-f', 'json', '--shellcheck', 'sc/Dockerfile'])).stdout).files[0].findings;
    const f = withSc.find((x: { rule: string }) => x.rule === 'SC2086');
    assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [2, 10, 2, 12]);
  });
});

describe('the bundled command', () => {
  it('runs from dist/cli.js with the package version', () => {
    const cli = path.join(root, 'dist/cli.js');
    const v = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    assert.equal(v.stdout.trim(), JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    const r = spawnSync(process.execPath, [cli, '--no-config', path.join(root, 'examples/clean-multi-stage/Dockerfile')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('stops quietly when its reader does (`dockwise --list-rules | head -1`)', () => {
    const cli = path.join(root, 'dist/cli.js');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" --list-rules | head -1`], { encoding: 'utf8' });
    assert.equal(r.stdout.split('\n').length, 2);
    assert.equal(r.stderr, '');
    // With the pipe closed at once, every write fails.
    const closed = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" --list-rules | true`], { encoding: 'utf8' });
    assert.equal(closed.stderr, '');
    assert.equal(closed.status, 0);
  });
});
