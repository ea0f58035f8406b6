// Every text a user reads exists in every language, with the same placeholders, and plain-text renderings carry
// no Markdown. English is the source (rules' meta, the string tables); each other language is a catalog.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allRules, CATALOGS, fixTitle, isLocale, lintText, localeFromEnvironment, localeOf, LOCALES, localizedDocs, plainText, ruleHoverMarkdown, ruleMarkdown, stringTables, type Locale } from '../../server/src/engine';
import { formatMessage, placeholders } from '../../server/src/engine/messages';
import { isSharedMessage, sharedMessageTables } from '../../server/src/engine/i18n/catalog';
import { initNodeShellParser } from '../../server/src/host/node';
// Each module declares its string table when loaded: load every one that has any.
import '../../server/src/engine/ide/hover';
import '../../server/src/engine/ide/lenses';
import '../../server/src/lsp/code-actions';
import '../../server/src/lsp/code-lens';
import '../../server/src/engine/ide/instruction-docs';
import '../../server/src/engine/ide/completion';
import '../../server/src/lsp/settings';
import '../../server/src/cli/strings';
import '../../server/src/engine/invocation/strings';
import '../../server/src/host/node/registry';
import '../../server/src/workspace/invocation-lint';
import '../../server/src/lsp/hover';
import '../../server/src/lsp/invocations';

const others = LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== 'en');
const sorted = (xs: string[]) => [...xs].sort();
const codeSpans = (s: string) => sorted([...s.matchAll(/`([^`]+)`/g)].map((m) => m[1]));

describe('choosing the language', () => {
  it('reads editor tags and POSIX locales, and falls back to English', () => {
    assert.equal(localeOf('ko'), 'ko');
    assert.equal(localeOf('ko-KR'), 'ko');
    assert.equal(localeOf('ko_KR.UTF-8'), 'ko');
    assert.equal(localeOf('en-US'), 'en');
    assert.equal(localeOf('fr'), 'en');
    assert.equal(localeOf('C'), 'en');
    assert.equal(localeOf(undefined), 'en');
    assert.ok(isLocale('ko') && !isLocale('kr'));
  });
  it('takes LC_ALL over LC_MESSAGES over LANG, as POSIX does', () => {
    assert.equal(localeFromEnvironment({ LANG: 'ko_KR.UTF-8' }), 'ko');
    assert.equal(localeFromEnvironment({ LANG: 'ko_KR.UTF-8', LC_ALL: 'C' }), 'en');
    assert.equal(localeFromEnvironment({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'ko_KR.UTF-8' }), 'ko');
    assert.equal(localeFromEnvironment({}), 'en');
  });
});

for (const locale of others) {
  const catalog = CATALOGS[locale];
  describe(`the ${locale} catalog`, () => {
    it('has every rule\'s messages and fix titles, with the same placeholders and the same code', () => {
      const problems: string[] = [];
      for (const rule of allRules) {
        const texts = catalog.rules[rule.meta.id];
        if (!texts) { problems.push(`${rule.meta.id}: no texts`); continue; }
        for (const [id, english] of Object.entries(rule.meta.messages ?? {})) {
          // A message several rules declare from one shared table is translated once, under `shared`.
          const shared = isSharedMessage(rule.meta, id);
          if (shared && texts.messages[id] !== undefined) problems.push(`${rule.meta.id}.${id}: a shared message, translated under "shared"`);
          const text = shared ? catalog.shared[id] : texts.messages[id];
          if (!text?.trim()) problems.push(`${rule.meta.id}.${id}: missing`);
          else if (sorted(placeholders(text)).join() !== sorted(placeholders(english)).join()) problems.push(`${rule.meta.id}.${id}: placeholders ${placeholders(text)} vs ${placeholders(english)}`);
          else if (codeSpans(text).join('\n') !== codeSpans(english).join('\n')) problems.push(`${rule.meta.id}.${id}: code spans differ`);
        }
        for (const id of Object.keys(texts.messages)) if (!rule.meta.messages?.[id]) problems.push(`${rule.meta.id}.${id}: no such message`);
      }
      for (const id of Object.keys(catalog.rules)) if (!allRules.some((r) => r.meta.id === id)) problems.push(`${id}: no such rule`);
      const sharedIds = new Set(sharedMessageTables().flatMap((t) => Object.keys(t)));
      for (const id of Object.keys(catalog.shared)) if (!sharedIds.has(id)) problems.push(`shared.${id}: no such shared message`);
      assert.deepEqual(problems, []);
      assert.ok(sharedIds.size > 0 && allRules.filter((r) => Object.keys(r.meta.messages ?? {}).some((id) => isSharedMessage(r.meta, id))).length > 1, 'shared messages are declared and used by several rules');
    });

    it('has every rule\'s docs: summary, why, fix safety and example notes', () => {
      const problems: string[] = [];
      for (const rule of allRules) {
        const docs = rule.meta.docs;
        const texts = catalog.rules[rule.meta.id];
        if (!texts?.summary?.trim() || !texts.why?.trim()) problems.push(`${rule.meta.id}: summary or why missing`);
        if (docs.fixSafety && !texts?.fixSafety?.trim()) problems.push(`${rule.meta.id}: fixSafety missing`);
        docs.examples.forEach((x, i) => { if (x.note && !texts?.notes?.[i]?.trim()) problems.push(`${rule.meta.id}: note of example ${i} missing`); });
        const localized = localizedDocs(rule.meta, locale);
        assert.deepEqual(localized.examples.map((x) => [x.bad, x.good]), docs.examples.map((x) => [x.bad, x.good]), 'examples\' code is never translated');
        assert.deepEqual(localized.references, docs.references);
      }
      assert.deepEqual(problems, []);
    });

    it('has every other text, with the same placeholders', () => {
      const problems: string[] = [];
      const ids = new Set<string>();
      for (const table of stringTables()) {
        for (const [id, english] of Object.entries(table)) {
          ids.add(id);
          const text = catalog.strings[id];
          if (!text?.trim()) problems.push(`${id}: missing`);
          else if (sorted(placeholders(text)).join() !== sorted(placeholders(english)).join()) problems.push(`${id}: placeholders differ`);
        }
      }
      assert.deepEqual(problems, []);
      assert.ok(ids.size > 100, `only ${ids.size} texts found: a table is not loaded`);
    });

    it('rule pages and hovers are in the language and keep the examples', () => {
      for (const rule of allRules) {
        const page = ruleMarkdown(rule, locale);
        assert.ok(page.includes(localizedDocs(rule.meta, locale).summary), rule.meta.id);
        for (const x of rule.meta.docs.examples) assert.ok(page.includes(x.bad.replace(/\n+$/, '')), `${rule.meta.id}: example kept`);
        assert.ok(ruleHoverMarkdown(rule, undefined, locale).includes(localizedDocs(rule.meta, locale).why));
      }
    });
  });
}

describe('findings in another language', () => {
  before(() => initNodeShellParser());
  const file = 'FROM node:latest\nRUN apt-get update && apt-get install curl\nRUN pip install flask requests\nCOPY . .\nCMD npm start\n';
  it('say the same thing, by the same ids and data, in each language', () => {
    const en = lintText(file).findings;
    for (const locale of others) {
      const other = lintText(file, { settings: { locale } }).findings;
      assert.deepEqual(other.map((f) => [f.rule, f.messageId, f.start, f.end]), en.map((f) => [f.rule, f.messageId, f.start, f.end]));
      for (const [i, f] of other.entries()) {
        assert.notEqual(f.message, en[i].message, `${f.rule} is not translated`);
        assert.deepEqual(f.fixes.map((x) => x.titleId), en[i].fixes.map((x) => x.titleId));
      }
    }
  });
  it('a message built from parts (pinning advice) is in one language throughout', () => {
    const [f] = lintText('FROM python:3.13-slim\nRUN pip install flask "git+https://example.com/r.git"\n', { settings: { locale: 'ko' }, severities: { 'pip-unpinned-package': 'warning' } }).findings.filter((x) => x.rule === 'pip-unpinned-package');
    assert.ok(f, 'reported');
    assert.doesNotMatch(f.message, /\b(the version of|end the URL|or)\b/, f.message);
    assert.match(f.message, /`flask`/);
  });
  it('the unsafe mark of a fix title is in the title\'s language', () => {
    assert.equal(fixTitle({ title: 'Use COPY', safety: 'unsafe' }), 'Use COPY (unsafe)');
    assert.equal(fixTitle({ title: 'Use COPY (unsafe: a wildcard)', safety: 'unsafe' }), 'Use COPY (unsafe: a wildcard)');
    assert.equal(fixTitle({ title: 'COPY 사용', safety: 'unsafe' }, 'ko'), 'COPY 사용 (안전하지 않음)');
    assert.equal(fixTitle({ title: 'COPY 사용 (안전하지 않음: 와일드카드)', safety: 'unsafe' }, 'ko'), 'COPY 사용 (안전하지 않음: 와일드카드)');
  });
});

describe('plain text', () => {
  it('no rendered message in any language keeps Markdown', () => {
    for (const locale of LOCALES) {
      for (const rule of allRules) {
        for (const id of Object.keys(rule.meta.messages ?? {})) {
          const data = Object.fromEntries(placeholders(rule.meta.messages![id]).map((p) => [p, p]));
          const text = plainText(formatMessage(rule.meta, id, data, locale));
          assert.doesNotMatch(text, /`|\*\*|\]\(/, `${locale} ${rule.meta.id}.${id}: ${text}`);
        }
      }
    }
  });
});
