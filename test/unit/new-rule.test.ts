// The rule registry is generated from the rule files (scripts/generate-registry.mjs), and `npm run new:rule`
// (scripts/new-rule.mjs) writes a rule, its test table and its registry line.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules } from '../../server/src/engine';

const root = path.resolve(__dirname, '../../..');

interface NewRuleOptions { id: string; category: string; keywords: string[]; commands: string[] }
let registry: {
  ruleFileIds(dir?: string): string[];
  generateRegistry(o?: { check?: boolean; dir?: string }): boolean;
};
let scaffold: {
  parseNewRuleArgs(argv: string[]): NewRuleOptions;
  newRule(o: NewRuleOptions, dir?: string): string[];
};
before(async () => {
  registry = await import(pathToFileURL(path.join(root, 'scripts/generate-registry.mjs')).href) as typeof registry;
  scaffold = await import(pathToFileURL(path.join(root, 'scripts/new-rule.mjs')).href) as typeof scaffold;
});

/** A repository-shaped folder with two rule files, a helper module and a registry. */
function tree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-new-rule-'));
  const rules = path.join(dir, 'server/src/engine/rules');
  fs.mkdirSync(rules, { recursive: true });
  for (const id of ['b-rule', 'd-rule']) fs.writeFileSync(path.join(rules, `${id}.ts`), `import { defineRule } from '../rule';\n\nexport default defineRule({ meta: { id: '${id}' } });\n`);
  fs.writeFileSync(path.join(rules, 'support.ts'), 'export const shared = 1;\n');
  return dir;
}

describe('the rule registry', () => {
  it('is the committed rules/index.ts, listing every rule file in the order of the ids (run npm run gen)', () => {
    assert.equal(registry.generateRegistry({ check: true }), true);
    assert.deepEqual(allRules.map((r) => r.meta.id), registry.ruleFileIds());
    assert.deepEqual(registry.ruleFileIds(), [...registry.ruleFileIds()].sort());
  });
});

describe('npm run new:rule', () => {
  it('writes the rule with handlers for what it looks at, its test table and its registry line', () => {
    const dir = tree();
    const options = scaffold.parseNewRuleArgs(['c-rule', '--category', 'security', '--command', 'curl', '--keyword', 'add']);
    assert.deepEqual(scaffold.newRule(options, dir), ['server/src/engine/rules/c-rule.ts', 'test/unit/rules/c-rule.test.ts', 'server/src/engine/rules/index.ts']);
    const rule = fs.readFileSync(path.join(dir, 'server/src/engine/rules/c-rule.ts'), 'utf8');
    assert.match(rule, /id: 'c-rule',\n {4}aliases: \{\},\n {4}category: 'security',\n {4}[^]*status: 'preview',/);
    assert.match(rule, /instructions: \{\n {8}ADD\(instr\) \{/);
    assert.match(rule, /commands: \{\n {8}curl\(cmd, instr\) \{/);
    const test = fs.readFileSync(path.join(dir, 'test/unit/rules/c-rule.test.ts'), 'utf8');
    assert.match(test, /code: 'FROM debian:12-slim\\nRUN curl\\n',\n {6}errors: \[\{ at: '2:5-2:9', messageId: 'found' \}\]/);
    const index = fs.readFileSync(path.join(dir, 'server/src/engine/rules/index.ts'), 'utf8');
    assert.deepEqual(index.split('\n').filter((l) => l.startsWith('import ')), [
      "import type { Rule } from '../rule';", "import bRule from './b-rule';", "import cRule from './c-rule';", "import dRule from './d-rule';",
    ]);
    assert.match(index, /allRules: readonly Rule\[\] = \[\n {2}bRule,\n {2}cRule,\n {2}dRule,\n\];/);
    assert.throws(() => scaffold.newRule(options, dir), /c-rule\.ts exists already/);
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses what is no rule id, an unknown category and a missing value, saying why', () => {
    assert.throws(() => scaffold.parseNewRuleArgs([]), /usage: npm run new:rule <id>/);
    assert.throws(() => scaffold.parseNewRuleArgs(['Bad_Id']), /"Bad_Id" is no rule id/);
    assert.throws(() => scaffold.parseNewRuleArgs(['x-y', '--category', 'speed']), /unknown category "speed" \(use correctness, runtime, /);
    assert.throws(() => scaffold.parseNewRuleArgs(['x-y', '--command']), /--command needs a value/);
    assert.deepEqual(scaffold.parseNewRuleArgs(['x-y']), { id: 'x-y', category: 'correctness', keywords: ['RUN'], commands: [] });
  });
});
