// Writes the generated documentation from the rule metadata and the profiles: docs/rules/<id>.md, the README's
// rule table, docs/profiles.md and the choices of the `dockwise.profile` setting in package.json.
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
const readme = path.join(root, 'README.md');
fs.writeFileSync(readme, engine.withRuleTable(fs.readFileSync(readme, 'utf8'), engine.allRules));
fs.writeFileSync(path.join(root, 'docs/profiles.md'), engine.profilesMarkdown(engine.allRules));
const manifestPath = path.join(root, 'package.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
Object.assign(manifest.contributes.configuration.properties['dockwise.profile'], engine.profileSettingEnum());
fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote ${engine.allRules.length} rule pages, the README table, docs/profiles.md and the dockwise.profile choices`);
