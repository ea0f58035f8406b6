// Findings as data: a rule that declares its messages (meta.messages) reports ids with data and builds no
// user-visible prose inline; each template's placeholders are filled from the data, or the rule fails.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { allRules, lintText } from '../../server/src/engine';
import consecutiveRun from '../../server/src/engine/rules/consecutive-run';
import { initNodeShellParser } from '../../server/src/host/node';
import { formatMessage, placeholders } from '../../server/src/engine/messages';

const rulesDir = path.resolve(__dirname, '../../../server/src/engine/rules');

describe('message templates', () => {
  const meta = { id: 'demo', messages: { pinned: '`{name}` is pinned to {version}', plain: 'Nothing to fill' } };
  it('fills placeholders from the data', () => {
    assert.equal(formatMessage(meta, 'pinned', { name: 'curl', version: 8 }), '`curl` is pinned to 8');
    assert.equal(formatMessage(meta, 'plain'), 'Nothing to fill');
    assert.deepEqual(placeholders(meta.messages.pinned), ['name', 'version']);
  });
  it('an unknown id or a missing value is the rule\'s error, never a message with a hole', () => {
    assert.throws(() => formatMessage(meta, 'nope'), /demo has no message "nope"/);
    assert.throws(() => formatMessage(meta, 'pinned', { name: 'curl' }), /message "pinned" needs \{version\}/);
  });
});

describe('rules that declare their messages', () => {
  const declaring = allRules.filter((r) => r.meta.messages);
  it('are all of them: no rule builds what it says inline', () => {
    assert.deepEqual(allRules.filter((r) => !r.meta.messages).map((r) => r.meta.id), []);
  });
  for (const rule of declaring) {
    it(`${rule.meta.id}: uses every message it declares and writes no message or fix title inline`, () => {
      const source = fs.readFileSync(path.join(rulesDir, `${rule.meta.id}.ts`), 'utf8');
      // Checks several rules share (support.ts, yum's RPM pinning, the syntax checks, pinning advice, lifecycle, the
      // toolchain a final stage ships, which the builder-stage refactoring reads too) report their ids there.
      const shared = [...['support.ts', 'yum-unpinned-package.ts'].map((f) => path.join(rulesDir, f)), ...['syntax.ts', 'package-managers.ts', 'image-lifecycle.ts', 'toolchain.ts'].map((f) => path.join(rulesDir, '../model', f)), path.join(rulesDir, '../data/base-image-lifecycle.ts')].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      for (const id of Object.keys(rule.meta.messages!)) {
        assert.match(source + shared, new RegExp(`['"\`]${id}['"\`]`), `message "${id}" is declared but never reported`);
      }
      const inline = [...source.matchAll(/\b(message|title):\s*[`'"]/g)].map((m) => m[0]);
      assert.deepEqual(inline, [], 'prose built inline instead of a message id');
    });
  }
});

describe('a message that fills in another of its rule\'s messages', () => {
  before(() => initNodeShellParser());
  const title = (text: string) => lintText(text, { rules: [consecutiveRun] }).findings[0]?.fixes[0]?.title;
  it('names why a merge is unsafe in the rule\'s own words', () => {
    assert.equal(title('FROM debian:12-slim\nRUN cd /app\nRUN make\n'), 'Merge 2 RUN instructions into one (unsafe: shell state carries over)');
    assert.equal(
      title('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Write-Host a\nRUN Write-Host b\n'),
      "Merge 2 RUN instructions into one (unsafe: joined with ';', Windows PowerShell runs on after a failed command, and PowerShell variables and location carry over)",
    );
  });
});
