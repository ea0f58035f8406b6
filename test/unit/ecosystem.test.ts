// The pure half of `npm run ecosystem` (test/ecosystem/report.ts): file selection, the files beside a Dockerfile
// read from a git tree, the summary and its diff, and the ledger matched against findings. The run itself needs
// the repositories and is not part of the tests.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { buildLintOptions, memoryFiles } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import {
  diffSummaries, examineFile, formatChanges, formatSummary, isDockerfilePath, matchLedger, parseLedger, parseTree, summarize, treeFiles, underLabelled,
  withCreatedFiles, type FileResult, type FileRun, type LedgerEntry, type LocatedFinding,
} from '../ecosystem/report';

describe('ecosystem: which files are Dockerfiles', () => {
  const yes = ['Dockerfile', 'a/b/Dockerfile', 'Dockerfile.alpine', 'x/Dockerfile.template', 'Containerfile', 'web.dockerfile', 'a/dockerfile', 'DOCKERFILE-dev'];
  const no = ['Dockerfile.md', 'a/Dockerfile.sh', 'Dockerfile/README', 'docs/dockerfile.txt', 'Dockerfiles/x', 'generate-dockerfile.py', 'a/Dockerfile.yml', 'Dockerfile.json'];
  for (const p of yes) it(`${p} is one`, () => assert.equal(isDockerfilePath(p), true));
  for (const p of no) it(`${p} is not`, () => assert.equal(isDockerfilePath(p), false));
});

describe('ecosystem: the files beside a Dockerfile, from a git tree', () => {
  const listing = [
    '100644 blob aaa 10\tapp/Dockerfile',
    '100644 blob bbb 7\tapp/.dockerignore',
    '100644 blob ccc 3\tapp/src/main.go',
    '120000 blob ddd 9\tapp/link.txt',
    '100644 blob eee 5\tshared/file.txt',
    '100644 blob fff 2000000\tapp/huge.bin',
    '160000 commit 999 -\tapp/vendor',
  ].join('\0');
  const blobs: Record<string, string> = { aaa: 'FROM x\n', bbb: '*.log\n', ccc: 'go', ddd: '../shared/file.txt', eee: 'text\n', fff: 'x' };
  const tree = parseTree(listing);
  const files = treeFiles(tree, 'app/Dockerfile', (id) => blobs[id]);

  it('reads blobs with their size, leaving submodules out', () => {
    assert.deepEqual(tree.get('app/src/main.go'), { mode: '100644', blob: 'ccc', size: 3 });
    assert.equal(tree.has('app/vendor'), false);
  });
  it('reads paths relative to the Dockerfile\'s folder', () => {
    assert.equal(files.read('.dockerignore'), '*.log\n');
    assert.equal(files.read('./src/../.dockerignore'), '*.log\n');
    assert.equal(files.read('Dockerfile.dockerignore'), undefined);
    assert.equal(files.dockerfileName, 'Dockerfile');
  });
  it('follows symlinks and reaches above the folder only inside the repository', () => {
    assert.equal(files.read('link.txt'), 'text\n');
    assert.equal(files.read('../shared/file.txt'), 'text\n');
    assert.equal(files.read('../../etc/passwd'), undefined);
  });
  it('knows which paths are files, and leaves out files larger than the command reads', () => {
    assert.equal(files.isFile!('src/main.go'), true);
    assert.equal(files.isFile!('src'), false);
    assert.equal(files.isFile!('huge.bin'), true);
    assert.equal(files.read('huge.bin'), undefined);
  });
  it('adds the files a fix creates only where none exists', () => {
    const after = withCreatedFiles(files, [{ path: '.dockerignore', content: 'new\n' }, { path: 'Dockerfile.dockerignore', content: 'mine\n' }]);
    assert.equal(after.read('.dockerignore'), '*.log\n');
    assert.equal(after.read('Dockerfile.dockerignore'), 'mine\n');
    assert.equal(after.isFile!('Dockerfile.dockerignore'), true);
  });
});

describe('ecosystem: one file linted and fixed', () => {
  before(() => initShellParser());
  const options = buildLintOptions({});

  it('names each finding by its line and the line\'s text', () => {
    const result = examineFile('FROM ubuntu\n  RUN apt-get install curl\n', options, memoryFiles({ '.dockerignore': '.git\n' }));
    const untagged = result.findings.find((f) => f.rule === 'base-image-untagged');
    assert.deepEqual(untagged && { line: untagged.line, text: untagged.text }, { line: 1, text: 'FROM ubuntu' });
    assert.ok(result.findings.some((f) => f.line === 2 && f.text === 'RUN apt-get install curl'));
    assert.deepEqual(result.ruleErrors, []);
  });
  it('runs fix-all in both modes and names the files the fixes create', () => {
    // No .dockerignore beside it: fix-all creates one (and the lint after it reads that one).
    const result = examineFile('FROM alpine:3.20\nCOPY . /app\n', options, memoryFiles({}));
    // Creating it is an unsafe fix (it may exclude what the build needs), and is not offered again once made.
    assert.deepEqual(result.fix.safe.createdFiles, []);
    assert.deepEqual(result.fix.unsafe.createdFiles, ['.dockerignore']);
    assert.deepEqual(result.fix.unsafe.rejected, []);
    for (const mode of ['safe', 'unsafe'] as const) {
      assert.equal(result.fix[mode].gainedCopyIgnored, 0);
      assert.deepEqual(result.fix[mode].gainedErrors, []);
    }
  });
});

const fileResult = (findings: Array<[string, string]>, fix: Partial<FileResult['fix']['safe']> = {}): FileResult => {
  const outcome = { applied: 0, gainedErrors: [], gainedCopyIgnored: 0, rejected: [], createdFiles: [], ...fix };
  return { findings: findings.map(([rule, severity], i) => ({ rule, severity, line: i + 1, text: `line ${i + 1}`, message: 'm' })), ruleErrors: [], fix: { safe: outcome, unsafe: outcome } };
};
const run = (group: string, repo: string, p: string, result: FileResult): FileRun => ({ group, repo, commit: 'c0ffee', path: p, result });

describe('ecosystem: summary and diff', () => {
  const runs = [
    run('wide', 'a/b', 'Dockerfile', fileResult([['zeta', 'warning'], ['alpha', 'error'], ['alpha', 'error'], ['tip', 'info']], { applied: 2, gainedErrors: ['alpha: x'] })),
    run('wide', 'a/c', 'Dockerfile', fileResult([['tip', 'style']], { rejected: ['alpha: t'] })),
    run('official', 'd/e', 'x/Dockerfile', fileResult([])),
  ];
  const summary = summarize(runs);

  it('counts warnings and errors per file, clean files, info and style apart, rules in alphabetical order', () => {
    const wide = summary.groups.wide;
    assert.deepEqual(Object.keys(summary.groups), ['official', 'wide']);
    assert.deepEqual({ repos: wide.repos, files: wide.files, findings: wide.findings, perFile: wide.findingsPerFile, clean: wide.cleanFiles, share: wide.cleanShare, info: wide.infoAndStyle },
      { repos: 2, files: 2, findings: 3, perFile: 1.5, clean: 1, share: 0.5, info: 2 });
    assert.deepEqual(Object.keys(wide.rules), ['alpha', 'tip', 'zeta']);
    assert.deepEqual(wide.rules.alpha, { severity: 'error', findings: 2, files: 1 });
    assert.deepEqual(wide.rules.tip, { severity: 'info', findings: 2, files: 2 });
    assert.deepEqual(wide.fixAll.safe, { filesChanged: 1, applied: 2, filesGainingError: 1, filesGainingCopyIgnored: 0, rejected: 1 });
    assert.deepEqual(summary.groups.official.cleanShare, 1);
  });

  it('lists each changed number, before and after, rule by rule', () => {
    const after = summarize([runs[0], run('wide', 'a/c', 'Dockerfile', fileResult([['zeta', 'warning'], ['new', 'warning']])), runs[2]]);
    const changes = diffSummaries(summary, after);
    assert.deepEqual(changes.filter((c) => c.what.includes('zeta') || c.what.includes('new ') || c.what === 'findings'), [
      { group: 'wide', what: 'findings', before: 3, after: 5 },
      { group: 'wide', what: 'new findings', before: undefined, after: 1 },
      { group: 'wide', what: 'new files', before: undefined, after: 1 },
      { group: 'wide', what: 'zeta findings', before: 1, after: 2 },
      { group: 'wide', what: 'zeta files', before: 1, after: 2 },
    ]);
    assert.ok(changes.some((c) => c.what === 'tip files' && c.before === 2 && c.after === 1));
    assert.ok(changes.some((c) => c.what === 'fix-all safe rejected' && c.before === 1 && c.after === 0));
    assert.equal(changes.some((c) => c.group === 'official'), false);
    assert.match(formatChanges(changes)[0], /findings +3 → 5$/);
  });

  it('writes each rule\'s counts on one line, and reads back the same', () => {
    const text = formatSummary(summary);
    assert.ok(text.includes('"alpha": {"severity": "error", "findings": 2, "files": 1}'));
    assert.deepEqual(JSON.parse(text), summary);
  });

  it('compares only the groups a run linted, and says nothing changed when nothing did', () => {
    assert.deepEqual(diffSummaries(summary, summary), []);
    const officialOnly = summarize([runs[2]]);
    assert.deepEqual(diffSummaries(summary, officialOnly, ['official']), []);
    assert.ok(diffSummaries(summary, officialOnly).some((c) => c.group === 'wide' && c.what === 'files' && c.after === undefined));
    assert.ok(diffSummaries(undefined, summary).some((c) => c.what === 'files' && c.before === undefined && c.after === 2));
  });
});

describe('ecosystem: the precision ledger', () => {
  const entry = (rule: string, p: string, text: string, verdict: 'right' | 'wrong', repo = 'a/b'): LedgerEntry => ({ rule, repo, commit: 'c0ffee', path: p, line: 3, text, verdict, reason: 'because' });
  const found = (rule: string, p: string, line: number, text: string, repo = 'a/b'): LocatedFinding => ({ rule, severity: 'warning', line, text, message: 'm', repo, commit: 'beef', path: p });

  it('reads JSON lines and names the line of every problem', () => {
    const ok = JSON.stringify(entry('r', 'Dockerfile', 'FROM x', 'right'));
    const emptyLine = JSON.stringify(entry('r', 'Dockerfile', '', 'right'));
    const text = [ok, '', '// a comment', '{not json', JSON.stringify({ ...entry('r', 'D', 'x', 'right'), reason: ' ' }), JSON.stringify({ ...entry('r', 'D', 'y', 'right'), verdict: 'maybe' }), ok, emptyLine].join('\n');
    const { entries, problems } = parseLedger(text);
    assert.deepEqual(entries.map((e) => e.text), ['FROM x', '']);
    assert.equal(problems.length, 4);
    assert.match(problems[0], /^line 4: not JSON/);
    assert.match(problems[1], /^line 5: reason missing/);
    assert.match(problems[2], /^line 6: verdict/);
    assert.match(problems[3], /^line 7: .* labelled twice/);
  });

  it('matches by rule, repository, path and text whatever the line; precision over entries still reported', () => {
    const entries = [
      entry('r1', 'Dockerfile', 'FROM x', 'right'),
      entry('r1', 'Dockerfile', 'FROM y', 'wrong'),
      entry('r1', 'other/Dockerfile', 'FROM x', 'right'), // no longer reported: a lost true positive
      entry('r1', 'Dockerfile', 'FROM z', 'wrong'), // no longer reported: a fixed false positive
      entry('r1', 'Dockerfile', 'FROM x', 'right', 'not/linted'), // its repository was not linted: neither
      entry('r2', 'Dockerfile', 'FROM x', 'right'), // another rule's finding on the same line
    ];
    const findings = [found('r1', 'Dockerfile', 40, '  FROM x  '.trim()), found('r1', 'Dockerfile', 41, 'FROM y'), found('r1', 'Dockerfile', 42, 'FROM w'), found('r3', 'Dockerfile', 1, 'FROM x')];
    const rules = new Map([['r1', 'warning'], ['r2', 'info'], ['r3', 'error']]);
    const [r1, r2, r3] = matchLedger(entries, findings, rules, new Set(['a/b']));
    assert.deepEqual({ rule: r1.rule, findings: r1.findings, right: r1.right, wrong: r1.wrong, precision: r1.precision, needed: r1.needed, wrongGone: r1.wrongGone },
      { rule: 'r1', findings: 3, right: 1, wrong: 1, precision: 0.5, needed: 3, wrongGone: 1 });
    assert.deepEqual(r1.wrongStillReported.map((e) => e.text), ['FROM y']);
    assert.deepEqual(r1.rightLost.map((e) => e.path), ['other/Dockerfile']);
    assert.deepEqual({ findings: r2.findings, right: r2.right, lost: r2.rightLost.length, needed: r2.needed, precision: r2.precision }, { findings: 0, right: 0, lost: 1, needed: 0, precision: undefined });
    assert.equal(r3.needed, 1);
    assert.deepEqual(underLabelled([r1, r2, r3]).map((p) => p.rule), ['r1', 'r3']);
  });

  it('needs 20 labels at most, and names the rules the ledger has that are not default-on', () => {
    const findings = Array.from({ length: 30 }, (_, i) => found('busy', 'Dockerfile', i + 1, `RUN step ${i}`));
    const entries = Array.from({ length: 20 }, (_, i) => entry('busy', 'Dockerfile', `RUN step ${i}`, i < 19 ? 'right' : 'wrong'));
    const [busy, offRule] = matchLedger([...entries, entry('quiet', 'Dockerfile', 'X', 'right')], findings, new Map([['busy', 'warning']]), new Set(['a/b']));
    assert.deepEqual({ needed: busy.needed, right: busy.right, precision: busy.precision }, { needed: 20, right: 19, precision: 0.95 });
    assert.deepEqual({ rule: offRule.rule, severity: offRule.severity }, { rule: 'quiet', severity: 'off' });
    assert.deepEqual(underLabelled([busy, offRule]), []);
  });
});
