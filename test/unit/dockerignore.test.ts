// The .dockerignore reader and matcher: Docker's pattern syntax, line handling and evaluation order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  cleanPath, compilePattern, decidingPattern, excludedEntirely, excludesEverything, excludesGlob, isExcluded,
  matchesOrParent, mayMatchInside, parseDockerignore, readDockerignore, type Program,
} from '../../server/src/engine/model/dockerignore';
import { memoryFiles } from '../../server/src/engine/rule';

function compiled(pattern: string): Program {
  const p = compilePattern(pattern);
  if (typeof p === 'string') throw new Error(`${pattern}: ${p}`);
  return p;
}

/** pattern → [paths it matches (itself or through a parent folder), paths it does not]. */
const table: Array<[string, string[], string[]]> = [
  ['node_modules', ['node_modules', 'node_modules/a/b.js'], ['node_modules2', 'src/node_modules', 'node']],
  ['a/b', ['a/b', 'a/b/c'], ['a', 'a/bc', 'x/a/b']],
  ['*', ['a', '.git', 'a/b/c', 'file.txt'], []],
  ['*.log', ['a.log', '.log', 'a.log/inside'], ['logs/a.log', 'a.log.txt', 'a.txt']],
  ['a*', ['a', 'abc', 'abc/d'], ['ba', 'b/abc']],
  ['a*z', ['az', 'abcz', 'az/q'], ['a/z', 'abc']],
  ['*/*.js', ['a/b.js', 'a/b.js/c'], ['b.js', 'a/b/c.js']],
  ['?', ['a', 'é', '😀', 'a/b'], ['ab', '']],
  ['a?c', ['abc', 'a.c'], ['ac', 'a/c', 'abbc']],
  ['**', ['a', 'a/b/c'], []],
  ['**/*.pyc', ['a.pyc', 'x/a.pyc', 'x/y/z/a.pyc'], ['a.py', 'x/a.pyc.bak']],
  ['**/__pycache__', ['__pycache__', 'a/__pycache__', 'a/b/__pycache__/x.pyc'], ['a__pycache__', 'x__pycache__/y']],
  ['a/**', ['a/b', 'a/b/c'], ['a', 'ab', 'b/a/c']],
  ['a/**/b', ['a/b', 'a/x/b', 'a/x/y/b', 'a/x/b/c'], ['a/xb', 'b', 'x/a/b']],
  ['a**b', ['ab', 'ax/b', 'a/x/b'], ['axb']],
  // Docker matches `**text` as a plain suffix, so `**foo` reaches into names.
  ['**foo', ['foo', 'barfoo', 'a/barfoo'], ['foo.txt']],
  ['*/**', ['a/b', 'a/b/c'], ['a']],
  ['[abc].txt', ['a.txt', 'c.txt'], ['d.txt', 'ab.txt']],
  ['[a-c]x', ['ax', 'bx', 'cx'], ['dx', 'x']],
  ['[^a]x', ['bx', 'é' + 'x'], ['ax', 'x']],
  ['[!a]x', ['!x', 'ax'], ['bx']],
  ['[\\]]x', [']x'], ['x']],
  ['[a\\-c]x', ['-x', 'ax', 'cx'], ['bx']],
  ['\\*.txt', ['*.txt'], ['a.txt']],
  ['a\\[b', ['a[b'], ['ab']],
  ['\\#notes', ['#notes'], ['notes']],
  ['a.b', ['a.b'], ['axb']],
  ['a.b*', ['a.b', 'a.bc'], ['axb', 'axbc']],
  ['(a|b)+{1}$', ['(a|b)+{1}$'], ['a', 'b']],
  ['a]b*', ['a]b', 'a]bc'], ['ab']],
  // Plain text to Docker, but an anchor once the pattern is a regexp.
  ['a^b', ['a^b'], ['ab']],
  ['^a*', ['a', 'abc'], ['^a']],
  ['a^b*', [], ['a^b', 'ab']],
];

describe('.dockerignore patterns', () => {
  for (const [pattern, yes, no] of table) {
    it(pattern, () => {
      const p = compiled(pattern);
      for (const path of yes) assert.equal(matchesOrParent(p, path), true, `${pattern} should match ${path}`);
      for (const path of no) assert.equal(matchesOrParent(p, path), false, `${pattern} should not match ${path}`);
    });
  }

  it('patterns Docker refuses, or reads as regexp accidents, are refused', () => {
    for (const bad of ['a[', 'a[]', '[]a]', '[-a]', '[a-]', '[z-a]', '[a', 'a\\', '[*]', '[?]', '[[:alpha:]]', '\\d', '[\\w]', '\\é']) {
      assert.equal(typeof compilePattern(bad), 'string', bad);
    }
  });

  it('cleans paths like Go', () => {
    const cases: Array<[string, string]> = [['', '.'], ['.', '.'], ['./a', 'a'], ['a//b/', 'a/b'], ['a/./b', 'a/b'], ['a/../b', 'b'], ['a/..', '.'], ['../a', '../a'], ['a/../../b', '../b'], ['/', '/'], ['/../a', '/a'], ['//a', '/a']];
    for (const [input, want] of cases) assert.equal(cleanPath(input), want, input);
  });

  it('a long hostile pattern or path is matched without backtracking', () => {
    const a5000 = 'a'.repeat(5000);
    assert.equal(matchesOrParent(compiled('*'.repeat(5000) + 'x'), a5000), false);
    assert.equal(matchesOrParent(compiled('*'.repeat(5001) + 'a'), a5000), true);
    assert.equal(matchesOrParent(compiled('*a'.repeat(5000) + 'b'), 'a'.repeat(10000)), false);
    assert.equal(matchesOrParent(compiled('*a'.repeat(5000)), 'a'.repeat(10000)), true);
    assert.equal(matchesOrParent(compiled('?'.repeat(5000) + '*'), a5000), true);
    assert.equal(matchesOrParent(compiled('**/a/'.repeat(2000) + 'b'), 'a/'.repeat(5000) + 'b'), true);
    assert.equal(matchesOrParent(compiled('**/a/'.repeat(2000) + 'b'), 'a/'.repeat(5000) + 'c'), false);
    assert.equal(matchesOrParent(compiled('**/x'), 'x/'.repeat(5000) + 'y'), true);
    assert.equal(mayMatchInside(compiled('*a'.repeat(5000) + '/b'), 'a'.repeat(4999)), false);
    assert.equal(mayMatchInside(compiled('*a'.repeat(5000) + '/b'), a5000), true);
    const file = parseDockerignore(`${'*'.repeat(10000)}\n!${'a*'.repeat(5000)}/x\n`);
    assert.equal(file.error, undefined);
    assert.equal(excludedEntirely(file, 'a'.repeat(4999))?.line, 1);
    assert.equal(excludedEntirely(file, a5000), undefined);
  });
});

describe('.dockerignore files', () => {
  it('reads lines as Docker does: comments at the start only, trimmed, BOM, CRLF, leading / and ! cleaned', () => {
    const file = parseDockerignore('\ufeff# comment\r\n\r\n  node_modules/  \r\n #not-a-comment\n/build//out/\n! /dist/../keep\n!!bang\n\t\n');
    assert.equal(file.error, undefined);
    assert.deepEqual(file.patterns.map((p) => [p.line, p.exception, p.pattern, p.text]), [
      [3, false, 'node_modules', 'node_modules/'],
      [4, false, '#not-a-comment', '#not-a-comment'],
      [5, false, 'build/out', '/build//out/'],
      [6, true, 'keep', '! /dist/../keep'],
      [7, true, '!bang', '!!bang'],
    ]);
  });

  it('files Docker refuses give no patterns and say why', () => {
    for (const text of ['a\n!\n', 'a\n!  \n', '!/\n', 'a[\n', 'ok\n' + 'x'.repeat(70000) + '\n']) {
      const file = parseDockerignore(text);
      assert.equal(file.patterns.length, 0, text.slice(0, 20));
      assert.match(file.error ?? '', /line 2|line 1/);
    }
    assert.equal(parseDockerignore('x'.repeat(60000)).error, undefined);
  });

  it('compiles a file once', () => {
    const text = 'node_modules\n*.log\n';
    assert.equal(parseDockerignore(text), parseDockerignore(text));
  });

  it('the last matching line wins, parents included', () => {
    const file = parseDockerignore('*.md\n!README.md\ndocs\n!docs/keep.txt\nsecret\n!secret\nsecret\n');
    assert.equal(isExcluded(file, 'CHANGELOG.md'), true);
    assert.equal(isExcluded(file, 'README.md'), false);
    assert.equal(isExcluded(file, 'docs'), true);
    assert.equal(isExcluded(file, 'docs/a/b.txt'), true);
    assert.equal(isExcluded(file, 'docs/keep.txt'), false);
    assert.equal(isExcluded(file, 'secret/x'), true);
    assert.equal(decidingPattern(file, 'secret/x')?.line, 7);
    assert.equal(isExcluded(file, 'src/main.go'), false);
    assert.equal(decidingPattern(file, 'src/main.go'), undefined);
  });

  it('a folder is excluded entirely only when no later ! line can reach inside it', () => {
    const docs = parseDockerignore('docs\n!docs/keep.txt\n');
    assert.equal(excludedEntirely(docs, 'docs'), undefined);
    assert.equal(excludedEntirely(docs, 'docs/other.txt')?.line, 1);
    assert.equal(excludedEntirely(docs, 'docs/keep.txt'), undefined);
    const vendor = parseDockerignore('vendor\n!**/LICENSE\n');
    assert.equal(excludedEntirely(vendor, 'vendor'), undefined);
    assert.equal(excludedEntirely(vendor, 'vendor/lib.js'), undefined, 'could be a folder holding a LICENSE');
    assert.equal(excludedEntirely(vendor, 'vendor/lib.js', () => true)?.line, 1, 'a file has nothing inside');
    const order = parseDockerignore('!build/keep\nbuild\n!build\nbuild\ntmp\n!tmp-keep\n');
    assert.equal(excludedEntirely(order, 'build')?.line, 4, 'a ! line before the deciding line is overridden');
    assert.equal(excludedEntirely(order, 'tmp')?.line, 5);
  });

  it('may a ! pattern match inside a folder', () => {
    assert.equal(mayMatchInside(compiled('docs/keep.txt'), 'docs'), true);
    assert.equal(mayMatchInside(compiled('docs/keep.txt'), 'doc'), false);
    assert.equal(mayMatchInside(compiled('**/LICENSE'), 'a/b'), true);
    assert.equal(mayMatchInside(compiled('*.md'), 'docs'), false);
    assert.equal(mayMatchInside(compiled('*/*.md'), 'docs'), true);
    assert.equal(mayMatchInside(compiled('*/*.md'), 'docs/a'), false);
    assert.equal(mayMatchInside(compiled('d[o]cs/*'), 'docs'), true);
    assert.equal(mayMatchInside(compiled('a*'), 'abc'), false);
    assert.equal(mayMatchInside(compiled('a**'), 'abc'), true);
    assert.equal(mayMatchInside(compiled('x/^y*'), 'x'), false);
  });

  it('the whole context is excluded only by a line matching every name, with no ! line after it', () => {
    for (const text of ['*\n', '**\n', '**/*\n', '/*\n', '?*\n', '!src\n*\n', '*\n!src\n**\n', '*.log\n*\n']) {
      assert.ok(excludesEverything(parseDockerignore(text)), JSON.stringify(text));
    }
    for (const text of ['*.log\n', '*\n!src\n', '?\n', '??*\n', '*/*\n', '*/**\n', '.\n', 'a*\n', '*\n!nothing-like-this\n']) {
      assert.equal(excludesEverything(parseDockerignore(text)), undefined, JSON.stringify(text));
    }
  });

  it('a glob listed as a line, with no ! line after it', () => {
    assert.equal(excludesGlob(parseDockerignore('*.log\n'), '*.log')?.line, 1);
    assert.equal(excludesGlob(parseDockerignore('/*.log\n'), '*.log')?.line, 1);
    assert.equal(excludesGlob(parseDockerignore('*.log\n!keep.log\n'), '*.log'), undefined);
    assert.equal(excludesGlob(parseDockerignore('!keep.log\n*.log\n'), '*.log')?.line, 2);
    assert.equal(excludesGlob(parseDockerignore('*.txt\n'), '*.log'), undefined);
    assert.equal(excludesGlob(parseDockerignore('**/*.log\n'), '**/*.log'), undefined, 'COPY reads ** as *');
  });

  it('prefers <Dockerfile name>.dockerignore to .dockerignore', () => {
    const both = { 'Dockerfile.prod.dockerignore': 'a\n', '.dockerignore': 'b\n' };
    assert.equal(readDockerignore(memoryFiles(both, 'Dockerfile.prod'))?.name, 'Dockerfile.prod.dockerignore');
    assert.equal(readDockerignore(memoryFiles(both, 'Dockerfile'))?.name, '.dockerignore');
    assert.equal(readDockerignore(memoryFiles({}, 'Dockerfile')), undefined);
    assert.equal(readDockerignore({ read: (p) => (p === '.dockerignore' ? 'x\n' : undefined) })?.patterns[0].pattern, 'x');
  });
});
