// The engine is the product's brain and must run anywhere: no editor or LSP imports inside it.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const engineDir = path.resolve(__dirname, '../../../server/src/engine');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

it('server/src/engine imports neither vscode nor vscode-languageserver', () => {
  const all = files(engineDir);
  assert.ok(all.length > 10, 'engine sources found');
  const offenders = all.filter((f) => /from\s+['"](vscode|vscode-languageserver(\/[^'"]*)?|vscode-languageclient[^'"]*)['"]|require\(['"]vscode/.test(fs.readFileSync(f, 'utf8')));
  assert.deepEqual(offenders.map((f) => path.relative(engineDir, f)), []);
});
