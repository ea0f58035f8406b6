// Generated docs must match the rule metadata, and every documented example must behave as documented.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { allRules, initShellParser, lintText, ruleMarkdown, withRuleTable } from '../../server/src/engine';
import { validateRule } from '../../server/src/engine/rule';

const root = path.resolve(__dirname, '../../..');

describe('rule metadata', () => {
  before(async () => { await initShellParser(); });

  it('every rule declares what the engine requires', () => {
    assert.deepEqual(allRules.flatMap(validateRule), []);
  });

  it('ids and aliases are unique', () => {
    const seen = new Set<string>();
    for (const r of allRules) {
      for (const key of [r.meta.id, r.meta.aliases.hadolint, r.meta.aliases.buildkit].filter(Boolean) as string[]) {
        assert.ok(!seen.has(key.toLowerCase()), `duplicate ${key}`);
        seen.add(key.toLowerCase());
      }
    }
  });

  for (const rule of allRules) {
    rule.meta.docs.examples.forEach((ex, i) => {
      it(`${rule.meta.id}: example ${i + 1} bad triggers, good does not`, () => {
        const only = { rules: [rule] };
        assert.ok(lintText(ex.bad, only).findings.length > 0, 'bad example raises no finding');
        assert.deepEqual(lintText(ex.good, only).findings.map((f) => f.message), [], 'good example raises findings');
      });
    });
  }
});

describe('generated files', () => {
  it('docs/rules matches the metadata (run npm run gen)', () => {
    const dir = path.join(root, 'docs/rules');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    assert.deepEqual(files, allRules.map((r) => `${r.meta.id}.md`).sort());
    for (const rule of allRules) assert.equal(fs.readFileSync(path.join(dir, `${rule.meta.id}.md`), 'utf8'), ruleMarkdown(rule), `${rule.meta.id}.md is stale`);
  });

  it('the README rule table matches the metadata (run npm run gen)', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    assert.equal(readme, withRuleTable(readme, allRules));
  });
});
