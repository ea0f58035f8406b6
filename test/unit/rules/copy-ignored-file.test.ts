import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/engine/rules/copy-ignored-file';
import { lintText, memoryFiles } from '../../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../../server/src/host/node';
import { testRule } from '../../support/rule-tester';

const ig = (text: string) => ({ '.dockerignore': text });
const nodeModules = 'FROM node:22-slim\nCOPY node_modules ./node_modules\n';

testRule(rule, {
  valid: [
    { name: 'ONBUILD COPY copies from a later build\'s context', code: 'FROM node:22-slim\nONBUILD COPY node_modules /app/node_modules\n', files: ig('node_modules\n') },
    { name: 'without file access nothing is known', code: nodeModules },
    { name: 'no ignore file', code: nodeModules, files: {} },
    { name: 'an empty ignore file', code: nodeModules, files: ig('') },
    { name: 'not excluded', code: 'FROM node:22-slim\nCOPY src/ ./src/\n', files: ig('node_modules\n') },
    { name: 'a ! line re-includes the file', code: 'FROM alpine:3.21\nCOPY README.md /\n', files: ig('*.md\n!README.md\n') },
    { name: 'a ! line could reach into the folder (and the file may be a folder)', code: 'FROM node:22-slim\nCOPY vendor /app/vendor\nCOPY vendor/lib.js /app/\n', files: ig('vendor\n!**/LICENSE\n') },
    { name: 'COPY . with * and a ! line', code: 'FROM alpine:3.21\nCOPY . /app/\n', files: ig('*\n!src\n') },
    { name: 'COPY . with a pattern that leaves files', code: 'FROM alpine:3.21\nCOPY . /app/\n', files: ig('**/*.log\n') },
    { name: '*.log matches at the top only', code: 'FROM alpine:3.21\nCOPY logs/app.log /var/log/\n', files: ig('*.log\n') },
    { name: 'COPY --from reads another stage', code: 'FROM node:22-slim AS deps\nRUN npm ci\nFROM node:22-slim\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY --from=deps node_modules ./nm\n', files: ig('node_modules\n') },
    { name: 'URLs and git sources are not in the context', code: 'FROM alpine:3.21\nADD https://example.com/app.tar.gz /opt/\nADD git@github.com:moby/buildkit.git /src/\n', files: ig('*\n') },
    { name: 'variables and heredocs are not checked', code: 'FROM alpine:3.21\nARG SRC=app\nCOPY ${SRC} /app/\nCOPY <<EOF /etc/motd\nhello\nEOF\n', files: ig('*\n') },
    { name: 'a source outside the context is not checked', code: 'FROM alpine:3.21\nCOPY ../shared /shared/\n', files: ig('*\n') },
    { name: 'a glob in a folder a ! line reaches into', code: 'FROM nginx:1.27\nCOPY dist/*.js /usr/share/nginx/html/\n', files: ig('dist\n!dist/keep.js\n') },
    { name: 'globs the ignore file does not list', code: 'FROM alpine:3.21\nCOPY logs/*.txt /var/log/\nCOPY *.txt /txt/\n', files: ig('*.log\n') },
    { name: 'a listed glob with a ! line after it', code: 'FROM alpine:3.21\nCOPY *.log /var/log/\n', files: ig('*.log\n!keep.log\n') },
    { name: 'docs/** excludes what is in docs, not docs itself', code: 'FROM alpine:3.21\nCOPY docs /docs/\n', files: ig('docs/**\n') },
    { name: 'an ignore file Docker refuses', code: nodeModules, files: ig('node_modules\n!\n') },
    { name: 'a pattern Docker reads as a regexp accident', code: nodeModules, files: ig('node_modules\n\\d\n') },
    { name: "another Dockerfile's ignore file", code: nodeModules, files: { 'Dockerfile.prod.dockerignore': 'node_modules\n' } },
    { name: 'a comment starts at the first column', code: nodeModules, files: ig('# node_modules\n') },
  ],
  invalid: [
    {
      name: 'plain name',
      code: nodeModules,
      files: ig('node_modules\n'),
      errors: [{ at: '2:6-2:18', messageId: 'sourceExcluded', data: { source: 'node_modules', file: '.dockerignore', line: '1', pattern: 'node_modules', keyword: 'COPY' }, message: /^`node_modules` is excluded by \.dockerignore \(line 1: `node_modules`\), so this COPY fails or copies nothing$/ }],
    },
    {
      name: 'a file in an excluded folder, and the folder',
      code: 'FROM nginx:1.27\nCOPY docs/guide.md /usr/share/nginx/html/\nCOPY docs/ /usr/share/nginx/html/docs/\n',
      files: ig('.git\ndocs\n'),
      errors: [{ at: '2:6-2:19', messageId: 'sourceExcluded', message: /\(line 2: `docs`\)/ }, { at: '3:6-3:11', messageId: 'sourceExcluded', message: /^`docs\/` is excluded/ }],
    },
    {
      name: '**/ matches at any depth',
      code: 'FROM python:3.13-slim\nCOPY app/__pycache__ /app/cache\n',
      files: ig('**/__pycache__\n'),
      errors: [{ at: '2:6-2:21', messageId: 'sourceExcluded', message: /line 1: `\*\*\/__pycache__`/ }],
    },
    {
      name: '*.log',
      code: 'FROM alpine:3.21\nCOPY debug.log /var/log/\n',
      files: ig('*.log\n'),
      errors: [{ at: '2:6-2:15', messageId: 'sourceExcluded' }],
    },
    {
      name: 'a ! line re-including part of a folder: only what stays excluded is reported',
      code: 'FROM alpine:3.21\nCOPY docs/keep.txt /a/\nCOPY docs/other.txt /b/\nCOPY docs /c/\n',
      files: ig('docs\n!docs/keep.txt\n'),
      errors: [{ at: '3:6-3:20', messageId: 'sourceExcluded', message: /line 1: `docs`/ }],
    },
    {
      name: 'the last matching line wins',
      code: 'FROM alpine:3.21\nCOPY README.md /\n',
      files: ig('!README.md\n*.md\n'),
      errors: [{ at: '2:6-2:15', messageId: 'sourceExcluded', message: /line 2: `\*\.md`/ }],
    },
    {
      name: 'a later line excludes the folder again',
      code: 'FROM alpine:3.21\nCOPY docs /docs/\n',
      files: ig('docs\n!docs/keep.txt\ndocs\n'),
      errors: [{ at: '2:6-2:10', messageId: 'sourceExcluded', message: /line 3: `docs`/ }],
    },
    {
      name: 'comments and blank lines keep their line numbers',
      code: nodeModules,
      files: ig('# dependencies\n\nnode_modules\n  \n'),
      errors: [{ at: '2:6-2:18', messageId: 'sourceExcluded', message: /line 3: `node_modules`/ }],
    },
    {
      name: 'a leading / in the pattern is the context root',
      code: 'FROM alpine:3.21\nCOPY build/app.js /app/\nCOPY src/build /src/\n',
      files: ig('/build\n'),
      errors: [{ at: '2:6-2:18', messageId: 'sourceExcluded', message: /line 1: `\/build`/ }],
    },
    {
      name: 'leading ./ and / in the source',
      code: 'FROM alpine:3.21\nCOPY ./secrets/ /a/\nCOPY /secrets/x /b/\n',
      files: ig('secrets\n'),
      errors: [{ at: '2:6-2:16', messageId: 'sourceExcluded' }, { at: '3:6-3:16', messageId: 'sourceExcluded' }],
    },
    {
      name: 'COPY . with everything excluded',
      code: 'FROM alpine:3.21\nCOPY . /app/\n',
      files: ig('*\n'),
      errors: [{ at: '2:6-2:7', messageId: 'contextExcluded', data: { file: '.dockerignore', line: '1', pattern: '*', keyword: 'COPY' }, message: /^The whole build context is excluded by \.dockerignore \(line 1: `\*`\), so this COPY copies nothing$/ }],
    },
    {
      name: 'Dockerfile.dockerignore is read instead of .dockerignore',
      code: 'FROM node:22-slim\nCOPY node_modules dist ./\n',
      files: { 'Dockerfile.dockerignore': 'node_modules\n', '.dockerignore': 'dist\n' },
      errors: [{ at: '2:6-2:18', messageId: 'sourceExcluded', message: /excluded by Dockerfile\.dockerignore \(line 1/ }],
    },
    {
      name: 'ADD of a local archive',
      code: 'FROM alpine:3.21\nADD vendor.tar.gz /opt/\n',
      files: ig('*.tar.gz\n'),
      errors: [{ at: '2:5-2:18', messageId: 'sourceExcluded', message: /so this ADD fails or copies nothing$/ }],
    },
    {
      name: 'a glob in an excluded folder',
      code: 'FROM nginx:1.27\nCOPY dist/*.js /usr/share/nginx/html/\n',
      files: ig('dist\n'),
      errors: [{ at: '2:6-2:15', messageId: 'sourceExcluded', message: /^`dist\/\*\.js` is excluded by \.dockerignore \(line 1: `dist`\)/ }],
    },
    {
      name: 'a glob the ignore file lists',
      code: 'FROM alpine:3.21\nCOPY *.log /var/log/\n',
      files: ig('*.log\n'),
      errors: [{ at: '2:6-2:11', messageId: 'sourceExcluded' }],
    },
    {
      name: 'a glob at the top with everything excluded; a ! line before the last * does not count',
      code: 'FROM alpine:3.21\nCOPY *.json ./\n',
      files: ig('*\n!src\n*\n'),
      errors: [{ at: '2:6-2:12', messageId: 'sourceExcluded', message: /line 3: `\*`/ }],
    },
    {
      name: 'JSON form',
      code: 'FROM node:22-slim\nCOPY ["node_modules", "/app/node_modules"]\n',
      files: ig('node_modules\n'),
      errors: [{ at: '2:8-2:20', messageId: 'sourceExcluded' }],
    },
    {
      name: 'only the excluded one of several sources',
      code: 'FROM alpine:3.21\nCOPY app.conf server.key /etc/app/\n',
      files: ig('*.key\n'),
      errors: [{ at: '2:15-2:25', messageId: 'sourceExcluded' }],
    },
    {
      name: 'a ! line could reach into it, but it is a file',
      code: 'FROM node:22-slim\nCOPY vendor/lib.js /app/\n',
      files: { '.dockerignore': 'vendor\n!**/LICENSE\n', 'vendor/lib.js': 'module.exports = 1;\n' },
      errors: [{ at: '2:6-2:19', messageId: 'sourceExcluded' }],
    },
    {
      name: 'character class',
      code: 'FROM alpine:3.21\nCOPY build-1 /x/\nCOPY build-x /y/\n',
      files: ig('build-[0-9]\n'),
      errors: [{ at: '2:6-2:13', messageId: 'sourceExcluded' }],
    },
  ],
});

describe('copy-ignored-file: ignore file and examples', () => {
  before(async () => { await initShellParser(); });
  const only = (files: ReturnType<typeof memoryFiles>) => ({ rules: [rule], files });

  it('reads <Dockerfile name>.dockerignore for a Dockerfile with another name, else .dockerignore', () => {
    const prod = lintText(nodeModules, only(memoryFiles({ 'Dockerfile.prod.dockerignore': 'node_modules\n', '.dockerignore': '' }, 'Dockerfile.prod'))).findings;
    assert.deepEqual(prod.map((f) => f.message), ['`node_modules` is excluded by Dockerfile.prod.dockerignore (line 1: `node_modules`), so this COPY fails or copies nothing']);
    assert.equal(lintText(nodeModules, only(memoryFiles({ 'Dockerfile.prod.dockerignore': '', '.dockerignore': 'node_modules\n' }, 'Dockerfile.prod'))).findings.length, 0);
    assert.equal(lintText(nodeModules, only(memoryFiles({ '.dockerignore': 'node_modules\n' }, 'Dockerfile.prod'))).findings.length, 1);
  });

  // The docs test lints examples in an empty folder; these need their ignore file beside them.
  rule.meta.docs.examples.forEach((ex, i) => {
    it(`example ${i + 1}: bad triggers and good does not, with its ignore file`, () => {
      const files = memoryFiles((ex as { files?: Record<string, string> }).files ?? {});
      assert.ok(lintText(ex.bad, only(files)).findings.length > 0, 'bad example raises no finding');
      assert.deepEqual(lintText(ex.good, only(files)).findings.map((f) => f.message), []);
    });
  });
});
