// `npm run test:rule <id>` (scripts/test-rule.mjs): which rules a name stands for, the suggestion for a name
// that is none, and which test files it runs.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules } from '../../server/src/engine';

const root = path.resolve(__dirname, '../../..');

type Entry = { id: string; hadolint?: string; buildkit?: string };
type TestRule = {
  ruleIndex(dir?: string): Entry[];
  resolveRule(name: string, index: Entry[]): { ids?: string[]; error?: string };
  testsFor(ids: string[], dir?: string): { unit: string[]; others: string[]; e2e: string[]; missingUnit: string[] };
};
let m: TestRule;
let index: Entry[];
before(async () => {
  m = await import(pathToFileURL(path.join(root, 'scripts/test-rule.mjs')).href) as TestRule;
  index = m.ruleIndex();
});

describe('test:rule: names', () => {
  it('reads the same ids and aliases from the rule sources as the engine has', () => {
    const engine = allRules.map((r) => ({ id: r.meta.id, hadolint: r.meta.aliases.hadolint, buildkit: r.meta.aliases.buildkit }));
    const byId = (a: Entry, b: Entry) => a.id.localeCompare(b.id);
    assert.deepEqual([...index].sort(byId), [...engine].sort(byId));
  });

  it('an id, a hadolint code in any case, a BuildKit name standing for several rules', () => {
    assert.deepEqual(m.resolveRule('shell-form-cmd', index), { ids: ['shell-form-cmd'] });
    assert.deepEqual(m.resolveRule('dl3020', index), { ids: ['add-instead-of-copy'] });
    assert.deepEqual(m.resolveRule('MultipleInstructionsDisallowed', index).ids?.sort(), ['multiple-cmd', 'multiple-entrypoint', 'multiple-healthcheck']);
  });

  it('an unknown name is refused with the closest id: a typo, a part of an id, a wrong case', () => {
    assert.equal(m.resolveRule('shell-form-cmdd', index).error, 'test:rule: no rule is named "shell-form-cmdd". Did you mean "shell-form-cmd"?');
    assert.match(m.resolveRule('no-install-recommends', index).error ?? '', /Did you mean "apt-get-missing-no-install-recommends"\?$/);
    assert.match(m.resolveRule('Shell-Form-CMD', index).error ?? '', /Did you mean "shell-form-cmd"\?$/);
    assert.equal(m.resolveRule('shell-form-cmd', index).error, undefined);
  });

  it('from the command line: exit 2 and the suggestion, before building anything', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/test-rule.mjs'), 'consecutive-runs'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim(), 'test:rule: no rule is named "consecutive-runs". Did you mean "consecutive-run"?');
    assert.equal(r.stdout, '');
    const usage = spawnSync(process.execPath, [path.join(root, 'scripts/test-rule.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^usage: npm run test:rule <rule id/);
  });
});

describe('test:rule: files', () => {
  it('the unit test file first, then every other test file naming the id; the editor suite apart', () => {
    const t = m.testsFor(['consecutive-run']);
    assert.deepEqual(t.unit, ['test/unit/rules/consecutive-run.test.ts']);
    for (const f of ['test/config/pragmas.test.ts', 'test/unit/profiles.test.ts', 'test/cli/cli.test.ts']) assert.ok(t.others.includes(f), `${f} in ${t.others.join(', ')}`);
    assert.ok(!t.others.some((f) => f.startsWith('test/e2e/') || f.startsWith('test/unit/rules/consecutive-run')));
    assert.ok(t.others.every((f) => f.endsWith('.test.ts')));
    assert.ok(t.e2e.length > 0 && t.e2e.every((f) => f.startsWith('test/e2e/')));
    assert.deepEqual(t.missingUnit, []);
  });

  it('an id is matched as a whole word; fixtures and non-test files are not run', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-test-rule-'));
    try {
      const files: Record<string, string> = {
        'test/unit/rules/foo.test.ts': "'foo'",
        'test/a.test.ts': "'foo-bar' and 'x-foo'",
        'test/b.test.ts': "rules: { foo: 'off' }",
        'test/c.test.ts': "'# dockwise ignore=bar,foo'",
        'test/e2e/d.e2e.ts': "'foo'",
        'test/fixtures/e.test.ts': "'foo'",
        'test/support/f.ts': "'foo'",
      };
      for (const [f, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), text);
      }
      assert.deepEqual(m.testsFor(['foo'], dir), { unit: ['test/unit/rules/foo.test.ts'], others: ['test/b.test.ts', 'test/c.test.ts'], e2e: ['test/e2e/d.e2e.ts'], missingUnit: [] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a rule without a unit test file says so', () => {
    const t = m.testsFor(['unknown-rule-in-pragma']);
    assert.deepEqual([t.unit, t.missingUnit], [[], ['unknown-rule-in-pragma']]);
  });
});
