// A rule with handlers is not called on a file, or a stage, without anything it registers. That must never hide
// a finding: with every rule made to run everywhere (`unskipped`), every committed Dockerfile gets the same findings.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, DockerfileModel, lintIncremental, lintText, memoryFiles, unskipped, type LintOptions, type Rule } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { committedDockerfiles } from '../support/random-edits';

before(async () => { await initShellParser(); });

const root = path.resolve(__dirname, '../../..');
const everyRule: LintOptions = {
  severities: Object.fromEntries(allRules.map((r) => [r.meta.id, 'warning' as const])),
  files: memoryFiles({ '.dockerignore': '.git\n' }),
  settings: { today: '2026-12-01', labelSchema: { 'org.opencontainers.image.created': 'rfc3339', 'org.opencontainers.image.source': 'url', maintainer: 'email' }, strictLabels: true },
};
const everywhere: Rule[] = allRules.map(unskipped);

describe('rules with handlers', () => {
  it('are skipped on a file without what they register, and run on one with it (in an ONBUILD trigger too)', () => {
    const rule = allRules.find((r) => r.meta.id === 'apk-add-missing-no-cache')!;
    const findings = (text: string) => lintText(text, { rules: [rule] }).findings.map((f) => f.rule);
    assert.deepEqual(findings('FROM debian:12\nRUN apt-get update\n'), []);
    assert.deepEqual(findings('FROM alpine:3.21\nRUN /sbin/apk add curl\n'), ['apk-add-missing-no-cache']);
    assert.deepEqual(findings('FROM alpine:3.21\nONBUILD RUN apk add curl\n'), ['apk-add-missing-no-cache']);
  });

  it('are nearly all of them: only rules that judge the file as a whole read it themselves', () => {
    const checking = allRules.filter((r) => r.check).length;
    assert.ok(allRules.length - checking > 60, `only ${allRules.length - checking} rules register handlers`);
  });

  it('find on every committed Dockerfile exactly what they find when run everywhere, whole file and stage by stage', () => {
    for (const file of committedDockerfiles(root)) {
      const text = fs.readFileSync(file, 'utf8');
      const name = path.relative(root, file);
      assert.deepEqual(lintText(text, everyRule).findings, lintText(text, { ...everyRule, rules: everywhere }).findings, name);
      assert.deepEqual(lintIncremental(new DockerfileModel(text), everyRule).result.findings, lintIncremental(new DockerfileModel(text), { ...everyRule, rules: everywhere }).result.findings, name);
    }
  });

  it('run everywhere when made unskipped: done() is called on a file without anything they register', () => {
    const calls: string[] = [];
    const rule: Rule = {
      meta: { id: 'spy', aliases: {}, category: 'correctness', status: 'stable', defaultSeverity: 'warning', docs: { summary: 's', why: 'w', examples: [{ bad: 'a', good: 'b' }], references: [] } },
      create: () => ({ commands: { apk: () => calls.push('apk') }, done: () => calls.push('done') }),
    };
    lintText('FROM debian:12\nRUN apt-get update\n', { rules: [rule] });
    assert.deepEqual(calls, []);
    lintText('FROM debian:12\nRUN apt-get update\n', { rules: [unskipped(rule)] });
    assert.deepEqual(calls, ['done']);
  });
});
