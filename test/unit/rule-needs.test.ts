// A rule that declares meta.needs is not run on a file or stage without those commands or keywords. The
// declaration must never hide a finding: with it ignored, every committed Dockerfile gets the same findings.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, DockerfileModel, lintIncremental, lintText, memoryFiles, type LintOptions, type Rule } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { mayReport } from '../../server/src/engine/linter';
import { committedDockerfiles } from '../support/random-edits';

before(async () => { await initShellParser(); });

const root = path.resolve(__dirname, '../../..');
const everyRule: LintOptions = {
  severities: Object.fromEntries(allRules.map((r) => [r.meta.id, 'warning' as const])),
  files: memoryFiles({ '.dockerignore': '.git\n' }),
  settings: { today: '2026-12-01', labelSchema: { 'org.opencontainers.image.created': 'rfc3339', 'org.opencontainers.image.source': 'url', maintainer: 'email' }, strictLabels: true },
};
const withoutNeeds: Rule[] = allRules.map((r) => ({ ...r, meta: { ...r.meta, needs: undefined } }));

describe('rules that declare what they need', () => {
  it('skip a file without it, and run on one with it', () => {
    const rule = allRules.find((r) => r.meta.id === 'apk-add-missing-no-cache')!;
    assert.deepEqual(rule.meta.needs, { commands: ['apk'] });
    assert.equal(mayReport(rule, new DockerfileModel('FROM debian:12\nRUN apt-get update\n')), false);
    assert.equal(mayReport(rule, new DockerfileModel('FROM alpine:3.21\nRUN /sbin/apk add curl\n')), true);
    // In an ONBUILD trigger too.
    assert.equal(mayReport(rule, new DockerfileModel('FROM alpine:3.21\nONBUILD RUN apk add curl\n')), true);
    const expose = allRules.find((r) => r.meta.id === 'expose-invalid-format')!;
    assert.equal(mayReport(expose, new DockerfileModel('FROM alpine:3.21\nONBUILD EXPOSE 80\n')), true);
    assert.equal(mayReport(expose, new DockerfileModel('FROM alpine:3.21\n')), false);
  });

  it('find on every committed Dockerfile exactly what they find when run everywhere, whole file and stage by stage', () => {
    let declared = 0;
    for (const rule of allRules) if (rule.meta.needs) declared++;
    assert.ok(declared > 40, `only ${declared} rules declare what they need`);
    for (const file of committedDockerfiles(root)) {
      const text = fs.readFileSync(file, 'utf8');
      const name = path.relative(root, file);
      assert.deepEqual(lintText(text, everyRule).findings, lintText(text, { ...everyRule, rules: withoutNeeds }).findings, name);
      assert.deepEqual(lintIncremental(new DockerfileModel(text), everyRule).result.findings, lintIncremental(new DockerfileModel(text), { ...everyRule, rules: withoutNeeds }).result.findings, name);
    }
  });
});
