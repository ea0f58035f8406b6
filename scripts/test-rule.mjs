#!/usr/bin/env node
// `npm run test:rule <id> [<id>…]`: builds (incrementally), then runs the rule's unit tests
// (test/unit/rules/<id>.test.ts) and every other node --test file that names the rule's id. A hadolint code
// (DL3020) or a BuildKit check name stands for the rules it covers. An unknown name is refused before
// anything is built, with the closest ids as suggestions.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rulesDir = 'server/src/engine/rules';

/**
 * Every rule's id and aliases, read from the rule sources (one rule per file, named by its id) so that an
 * unknown name is answered without a build. A test checks this against the engine's own list.
 */
export function ruleIndex(dir = root) {
  const out = [];
  for (const name of fs.readdirSync(path.join(dir, rulesDir)).sort()) {
    if (!name.endsWith('.ts')) continue;
    const text = fs.readFileSync(path.join(dir, rulesDir, name), 'utf8');
    const id = /\bid:\s*'([a-z0-9-]+)'/.exec(text)?.[1];
    if (!id) continue; // the index and shared helpers
    const aliases = /\baliases:\s*\{([^}]*)\}/.exec(text)?.[1] ?? '';
    out.push({
      id,
      hadolint: /\bhadolint:\s*'([^']+)'/.exec(aliases)?.[1],
      buildkit: /\bbuildkit:\s*'([^']+)'/.exec(aliases)?.[1],
    });
  }
  return out;
}

function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The ids closest to a name that is none: those containing it, else those at the least edit distance. */
export function closestIds(name, index) {
  const want = name.toLowerCase();
  const containing = index.map((r) => r.id).filter((id) => id.includes(want));
  if (want.length >= 3 && containing.length) return containing.slice(0, 3);
  const scored = index.map((r) => ({ id: r.id, d: distance(want, r.id) }));
  const best = Math.min(...scored.map((s) => s.d));
  return scored.filter((s) => s.d === best).map((s) => s.id).slice(0, 3);
}

/** The rule ids a name stands for (an id, a hadolint code or a BuildKit name), or an error message. */
export function resolveRule(name, index) {
  if (index.some((r) => r.id === name)) return { ids: [name] };
  const upper = name.toUpperCase();
  const byAlias = index.filter((r) => r.hadolint?.toUpperCase() === upper || r.buildkit?.toUpperCase() === upper).map((r) => r.id);
  if (byAlias.length) return { ids: byAlias };
  const near = closestIds(name, index);
  return { error: `test:rule: no rule is named "${name}". Did you mean ${near.map((id) => `"${id}"`).join(' or ')}?` };
}

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : testFiles(p);
    return e.name.endsWith('.test.ts') || e.name.endsWith('.e2e.ts') ? [p] : [];
  });
}

/**
 * The test sources (relative to `dir`) for some rule ids: each rule's unit test file first, then the other
 * node --test files that name an id as a whole word (shell-form-cmd does not name shell-form). The real-editor
 * files (test/e2e) run only inside VS Code, so they are listed apart.
 */
export function testsFor(ids, dir = root) {
  const unit = ids.map((id) => `test/unit/rules/${id}.test.ts`).filter((f) => fs.existsSync(path.join(dir, f)));
  const words = ids.map((id) => new RegExp(`(?<![A-Za-z0-9-])${id.replace(/[-]/g, '\\-')}(?![A-Za-z0-9-])`));
  const others = [];
  const e2e = [];
  for (const abs of testFiles(path.join(dir, 'test')).sort()) {
    const rel = path.relative(dir, abs).split(path.sep).join('/');
    if (unit.includes(rel)) continue;
    const text = fs.readFileSync(abs, 'utf8');
    if (!words.some((w) => w.test(text))) continue;
    (rel.startsWith('test/e2e/') ? e2e : others).push(rel);
  }
  return { unit, others, e2e, missingUnit: ids.filter((id) => !fs.existsSync(path.join(dir, `test/unit/rules/${id}.test.ts`))) };
}

/** Where `tsc -b` writes a test source's JavaScript. */
export const compiled = (rel) => path.join('out', rel.replace(/\.ts$/, '.js'));

async function main(args) {
  if (!args.length || args.some((a) => a.startsWith('-'))) {
    console.error('usage: npm run test:rule <rule id | hadolint code | BuildKit name> [...]');
    return 2;
  }
  const index = ruleIndex();
  const ids = [];
  for (const name of args) {
    const r = resolveRule(name, index);
    if (r.error) { console.error(r.error); return 2; }
    for (const id of r.ids) if (!ids.includes(id)) ids.push(id);
  }
  const { unit, others, e2e, missingUnit } = testsFor(ids);
  for (const id of missingUnit) console.log(`test:rule: ${id} has no test/unit/rules/${id}.test.ts`);
  const files = [...unit, ...others];
  if (!files.length) { console.error(`test:rule: no test file names ${ids.join(', ')}`); return 1; }
  console.log(`test:rule: ${ids.join(', ')}: ${files.join(', ')}`);
  if (e2e.length) console.log(`test:rule: also named in the real-editor suite (node scripts/e2e/run-suite.mjs): ${e2e.join(', ')}`);

  // The whole build, not only out/: some of these files run the bundles in dist/ (the command, the server),
  // and after an incremental tsc the bundling costs well under a second.
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) return 1;
  const { HANG_GUARD_MS } = await import(pathToFileURL(path.join(root, 'out/test/support/hang-guard.js')).href);
  const run = spawnSync(process.execPath, ['--test', `--test-timeout=${HANG_GUARD_MS}`, ...files.map(compiled)], { stdio: 'inherit', cwd: root });
  return run.status ?? 1;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = await main(process.argv.slice(2));
}
