// Generated docs must match the rule metadata, and every documented example must behave as documented.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { allRules, findRules, LOCALES, memoryFiles, lintText, profilesMarkdown, counterpartsMarkdown, profileSettingEnum, profileSettingTexts, ruleMarkdown, withFormatOptionsTable, withRefactorings, withRuleTable } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { validateRule } from '../../server/src/engine/rule';
import { ruleHoverMarkdown } from '../../server/src/engine/docs/markdown';

const root = path.resolve(__dirname, '../../..');

describe('rule metadata', () => {
  before(async () => { await initShellParser(); });

  it('every rule declares what the engine requires', () => {
    assert.deepEqual(allRules.flatMap(validateRule), []);
  });

  it('ids and hadolint codes are unique; a BuildKit name may cover several rules but never clashes with them', () => {
    const seen = new Set<string>();
    for (const r of allRules) {
      for (const key of [r.meta.id, r.meta.aliases.hadolint].filter(Boolean) as string[]) {
        assert.ok(!seen.has(key.toLowerCase()), `duplicate ${key}`);
        seen.add(key.toLowerCase());
      }
    }
    for (const r of allRules) if (r.meta.aliases.buildkit) assert.ok(!seen.has(r.meta.aliases.buildkit.toLowerCase()), `BuildKit name ${r.meta.aliases.buildkit} clashes`);
    assert.deepEqual(findRules('MultipleInstructionsDisallowed').map((r) => r.meta.id).sort(), ['multiple-cmd', 'multiple-entrypoint', 'multiple-healthcheck']);
    assert.equal(findRules('dl3059')[0]?.meta.id, 'consecutive-run');
  });

  for (const rule of allRules) {
    rule.meta.docs.examples.forEach((ex, i) => {
      it(`${rule.meta.id}: example ${i + 1} bad triggers, good does not`, () => {
        // Examples are judged as files alone in an empty folder.
        // Every rule is judged at its own severity, whether or not the default profile turns it on, with the settings and
        // the invocation the example names.
        const only = { rules: [rule], files: memoryFiles(ex.files ?? {}), settings: ex.settings, invocation: ex.invocation };
        assert.ok(lintText(ex.bad, only).findings.length > 0, 'bad example raises no finding');
        assert.deepEqual(lintText(ex.good, only).findings.map((f) => f.message), [], 'good example raises findings');
      });
    });
  }
});

describe('BuildKit checks', () => {
  it('every rule with a BuildKit name links Docker\'s page for the check, in its references and in the hover', () => {
    const withAlias = allRules.filter((r) => r.meta.aliases.buildkit);
    assert.ok(withAlias.length >= 21);
    for (const r of withAlias) {
      const slug = r.meta.aliases.buildkit!.replace(/([a-z])([A-Z])/g, '$1-$2').replace(/JSONArgs/, 'JSON-Args').toLowerCase();
      const page = `https://docs.docker.com/reference/build-checks/${slug}/`;
      assert.ok(r.meta.docs.references.includes(page), `${r.meta.id}: ${page}`);
      assert.ok(ruleHoverMarkdown(r).includes(`[Docker's page for ${r.meta.aliases.buildkit}](${page})`), r.meta.id);
    }
  });
});

describe('generated files', () => {
  it('docs/rules matches the metadata (run npm run gen)', () => {
    const dir = path.join(root, 'docs/rules');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    assert.deepEqual(files, allRules.map((r) => `${r.meta.id}.md`).sort());
    for (const rule of allRules) assert.equal(fs.readFileSync(path.join(dir, `${rule.meta.id}.md`), 'utf8'), ruleMarkdown(rule), `${rule.meta.id}.md is stale`);
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`docs/rules/${locale} matches the metadata and its translation (run npm run gen)`, () => {
      const dir = path.join(root, 'docs/rules', locale);
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
      assert.deepEqual(files, allRules.map((r) => `${r.meta.id}.md`).sort());
      for (const rule of allRules) assert.equal(fs.readFileSync(path.join(dir, `${rule.meta.id}.md`), 'utf8'), ruleMarkdown(rule, locale), `${locale}/${rule.meta.id}.md is stale`);
    });
  }

  it('the README rule table matches the metadata (run npm run gen)', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    assert.equal(readme, withRuleTable(readme, allRules));
  });

  it('docs/counterparts.md matches the rules\' aliases and counterparts (run npm run gen)', () => {
    assert.equal(fs.readFileSync(path.join(root, 'docs/counterparts.md'), 'utf8'), counterpartsMarkdown(allRules));
  });

  it('names each counterpart the way its tool does, and says a difference in one sentence', () => {
    const shapes: Record<string, RegExp> = { tally: /^[a-z0-9]+(?:[-/][A-Za-z0-9]+)*$/, checkov: /^CKV2?_DOCKER_\d+$/, trivy: /^DS-\d{4}$/, kics: /^[A-Z0-9][\w ./(),'-]+$/, sonar: /^S\d{3,5}$/ };
    for (const { meta } of allRules) {
      const c = meta.counterparts;
      if (!c) continue;
      for (const [tool, shape] of Object.entries(shapes)) {
        for (const id of (c as Record<string, readonly string[] | undefined>)[tool] ?? []) assert.match(id, shape, `${meta.id}: ${tool} ${id}`);
      }
      if (c.differences !== undefined) assert.match(c.differences, /^[A-Z`(].*[.)]$/s, `${meta.id}: the difference is a sentence`);
    }
  });

  it('docs/format.md\'s options table matches the formatter\'s options (run npm run gen)', () => {
    const page = fs.readFileSync(path.join(root, 'docs/format.md'), 'utf8');
    assert.equal(page, withFormatOptionsTable(page));
  });

  it('docs/refactorings.md\'s list matches the refactorings\' own docs (run npm run gen)', () => {
    const page = fs.readFileSync(path.join(root, 'docs/refactorings.md'), 'utf8');
    assert.equal(page, withRefactorings(page));
  });

  it('docs/profiles.md and the dockwise.profile choices match the profiles (run npm run gen)', () => {
    assert.equal(fs.readFileSync(path.join(root, 'docs/profiles.md'), 'utf8'), profilesMarkdown(allRules));
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['dockwise.profile'];
    const want = profileSettingEnum();
    assert.deepEqual({ enum: setting.enum, markdownEnumDescriptions: setting.markdownEnumDescriptions }, want);
    for (const locale of LOCALES) {
      const nls = JSON.parse(fs.readFileSync(path.join(root, locale === 'en' ? 'package.nls.json' : `package.nls.${locale}.json`), 'utf8'));
      for (const [key, text] of Object.entries(profileSettingTexts(locale))) assert.equal(nls[key], text, `${locale}: ${key} is stale`);
    }
  });
});
