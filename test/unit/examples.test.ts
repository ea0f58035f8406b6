// The examples show the product working: each one gets exactly these findings (rule line:col).
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fixAll, lintText, parseProblemCount } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';

const root = path.resolve(__dirname, '../../..');
before(async () => { await initShellParser(); });

const expected: Record<string, string[]> = {
  // Clean in every default profile; strict (what lintText runs) also asks for an apt cache mount.
  'clean-multi-stage': ['prefer-cache-mount 19:5'],
  'go-service': ['runs-as-root 11:6', 'missing-healthcheck 14:1'],
  'node-service': ['runs-as-root 1:6', 'base-image-latest 1:11', 'copy-all-before-dependency-install 7:5', 'prefer-cache-mount 7:5', 'legacy-key-value-format 9:5', 'missing-healthcheck 10:1', 'shell-form-cmd 11:5'],
  'python-service': ['runs-as-root 1:6', 'full-base-image-in-final-stage 1:13', 'apt-lists-not-removed 6:5', 'prefer-cache-mount 6:5', 'apt-get-missing-no-install-recommends 6:23', 'apt-get-unpinned-package 6:42', 'build-toolchain-in-final-stage 6:42', 'pip-install-missing-no-cache-dir 9:5', 'prefer-cache-mount 9:5', 'cleanup-in-separate-layer 10:1', 'missing-healthcheck 14:1', 'shell-form-cmd 15:5'],
  'spring-boot': ['deprecated-base-image 2:6', 'runs-as-root 2:6', 'maintainer-deprecated 3:1', 'legacy-key-value-format 5:5', 'apt-get-update-alone 8:5', 'apt-lists-not-removed 8:5', 'prefer-cache-mount 8:5', 'apt-get-missing-no-install-recommends 9:5', 'prefer-cache-mount 9:5', 'apt-get-unpinned-package 9:24', 'add-instead-of-copy 11:1', 'prefer-cache-mount 12:5', 'consecutive-run 13:1', 'missing-healthcheck 15:1', 'shell-form-cmd 16:12'],
};

it('every example folder is covered', () => {
  assert.deepEqual(fs.readdirSync(path.join(root, 'examples')).filter((d) => fs.existsSync(path.join(root, 'examples', d, 'Dockerfile'))).sort(), Object.keys(expected).sort());
});

for (const [name, want] of Object.entries(expected)) {
  it(`examples/${name}: expected findings, and fix-all leaves a clean, parseable file`, () => {
    const text = fs.readFileSync(path.join(root, 'examples', name, 'Dockerfile'), 'utf8');
    const { findings, model } = lintText(text);
    assert.deepEqual(findings.map((f) => ((p) => `${f.rule} ${p.line + 1}:${p.character + 1}`)(model.lines.positionAt(f.start))), want);
    const fixed = fixAll(text, { unsafe: true });
    assert.equal(fixed.converged, true);
    assert.ok(parseProblemCount(fixed.text) <= parseProblemCount(text));
    assert.equal(fixAll(fixed.text, { unsafe: true }).text, fixed.text, 'a second fix-all changes nothing');
  });
}
