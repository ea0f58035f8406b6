// Writes the generated documentation from the rule metadata: docs/rules/<id>.md and the README's rule table.
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
console.log(`wrote ${engine.allRules.length} rule pages and the README table`);
