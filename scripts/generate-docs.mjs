// Writes the generated documentation from the rule metadata and the profiles: docs/rules/<id>.md (and
// docs/rules/<locale>/<id>.md for each translation), the README's
// rule table, docs/profiles.md, docs/counterparts.md, the options table of docs/format.md, the list of docs/refactorings.md and the choices of the `dockwise.profile` setting in package.json (their
// descriptions in package.nls*.json).
// Run after a build (`npm run gen`); test/unit/docs.test.ts fails when these files are stale.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const engine = require(path.join(root, 'out/server/src/engine/index.js'));

const dir = path.join(root, 'docs/rules');
fs.mkdirSync(dir, { recursive: true });
const wanted = new Set(engine.allRules.map((r) => `${r.meta.id}.md`));
for (const f of fs.readdirSync(dir)) if (f.endsWith('.md') && !wanted.has(f)) fs.rmSync(path.join(dir, f));
for (const rule of engine.allRules) fs.writeFileSync(path.join(dir, `${rule.meta.id}.md`), engine.ruleMarkdown(rule));
// The same pages in every other language, one folder each (docs/rules/ko/).
for (const locale of engine.LOCALES.filter((l) => l !== 'en')) {
  const folder = path.join(dir, locale);
  fs.mkdirSync(folder, { recursive: true });
  for (const f of fs.readdirSync(folder)) if (f.endsWith('.md') && !wanted.has(f)) fs.rmSync(path.join(folder, f));
  for (const rule of engine.allRules) fs.writeFileSync(path.join(folder, `${rule.meta.id}.md`), engine.ruleMarkdown(rule, locale));
}
const readme = path.join(root, 'README.md');
fs.writeFileSync(readme, engine.withRuleTable(fs.readFileSync(readme, 'utf8'), engine.allRules));
fs.writeFileSync(path.join(root, 'docs/profiles.md'), engine.profilesMarkdown(engine.allRules));
fs.writeFileSync(path.join(root, 'docs/counterparts.md'), engine.counterpartsMarkdown(engine.allRules));
const formatPage = path.join(root, 'docs/format.md');
fs.writeFileSync(formatPage, engine.withFormatOptionsTable(fs.readFileSync(formatPage, 'utf8')));
const refactorPage = path.join(root, 'docs/refactorings.md');
fs.writeFileSync(refactorPage, engine.withRefactorings(fs.readFileSync(refactorPage, 'utf8')));
const manifestPath = path.join(root, 'package.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
Object.assign(manifest.contributes.configuration.properties['dockwise.profile'], engine.profileSettingEnum());
fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
// The choices' descriptions in each language, among the extension's other strings.
for (const locale of engine.LOCALES) {
  const nlsPath = path.join(root, locale === 'en' ? 'package.nls.json' : `package.nls.${locale}.json`);
  const nls = JSON.parse(fs.readFileSync(nlsPath, 'utf8'));
  fs.writeFileSync(nlsPath, JSON.stringify({ ...nls, ...engine.profileSettingTexts(locale) }, null, 2) + '\n');
}
console.log(`wrote ${engine.allRules.length} rule pages in each of ${engine.LOCALES.join(', ')}, the README table, docs/profiles.md, docs/counterparts.md, docs/format.md's options table, docs/refactorings.md's list and the dockwise.profile choices`);
