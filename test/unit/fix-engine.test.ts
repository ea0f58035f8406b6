import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allRules, applyEdits, fixAll, lintText } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { defineRule } from '../../server/src/engine/rule';

before(async () => { await initShellParser(); });


describe('fix engine', () => {
  it('applies non-overlapping edits and refuses overlapping ones', () => {
    assert.equal(applyEdits('abc\ndef\n', [{ start: 4, end: 7, text: 'X' }, { start: 1, end: 1, text: '-' }]), 'a-bc\nX\n');
    assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }]), /overlapping/);
  });

  it('drops a fix whose result Docker would reject and keeps the others', () => {
    const breaking = defineRule({
      meta: { id: 'test-breaking-fix', aliases: {}, category: 'correctness', status: 'stable', defaultSeverity: 'warning', fixable: 'safe', docs: { summary: 's', why: 'w', examples: [{ bad: '', good: '' }], references: [] } },
      check(ctx) {
        for (const i of ctx.model.instructions) {
          if (i.keyword === 'WORKDIR') ctx.report({ start: i.keywordStart, end: i.keywordEnd, message: 'm', fixes: [{ title: 'breaks', safety: 'safe', edits: [{ start: i.keywordStart, end: i.keywordEnd, text: 'WORKDIRR' }] }] });
          if (i.keyword === 'EXPOSE' && ctx.model.text.startsWith('EXPOSE', i.keywordStart)) ctx.report({ start: i.keywordStart, end: i.keywordEnd, message: 'm', fixes: [{ title: 'fine', safety: 'safe', edits: [{ start: i.keywordStart, end: i.keywordEnd, text: 'expose' }] }] });
        }
      },
    });
    const r = fixAll('FROM alpine:3.21\nWORKDIR /app\nEXPOSE 80\n', { rules: [breaking] });
    assert.equal(r.text, 'FROM alpine:3.21\nWORKDIR /app\nexpose 80\n');
    assert.deepEqual(r.rejected, [{ rule: 'test-breaking-fix', title: 'breaks' }]);
  });

  it('never applies a fix twice to a finding it did not remove', () => {
    const stubborn = defineRule({
      meta: { id: 'test-stubborn', aliases: {}, category: 'correctness', status: 'stable', defaultSeverity: 'warning', fixable: 'safe', docs: { summary: 's', why: 'w', examples: [{ bad: '', good: '' }], references: [] } },
      check(ctx) { ctx.report({ start: 0, end: 4, message: 'm', fixes: [{ title: 'append', safety: 'safe', edits: [{ start: ctx.model.text.length, end: ctx.model.text.length, text: '# more\n' }] }] }); },
    });
    const r = fixAll('FROM alpine:3.21\n', { rules: [stubborn] });
    assert.equal(r.text, 'FROM alpine:3.21\n# more\n');
    assert.deepEqual(r.rejected, [{ rule: 'test-stubborn', title: 'append' }]);
    assert.equal(r.converged, true);
  });

  it('stops at the pass cap when fixes never converge', () => {
    const endless = defineRule({
      meta: { id: 'test-endless', aliases: {}, category: 'correctness', status: 'stable', defaultSeverity: 'warning', fixable: 'safe', docs: { summary: 's', why: 'w', examples: [{ bad: '', good: '' }], references: [] } },
      // The finding moves every pass (it sits on the last line), so only the pass cap stops it.
      check(ctx) { const end = ctx.model.text.length; ctx.report({ start: end, end, message: 'm', fixes: [{ title: 'again', safety: 'safe', edits: [{ start: end, end, text: '# x\n' }] }] }); },
    });
    const r = fixAll('FROM alpine:3.21\n', { rules: [endless], maxPasses: 3 });
    assert.equal(r.passes, 3);
    assert.equal(r.converged, false);
  });

  it('keeps going when a rule throws and reports which one', () => {
    const thrower = defineRule({
      meta: { id: 'test-thrower', aliases: {}, category: 'correctness', status: 'stable', defaultSeverity: 'warning', docs: { summary: 's', why: 'w', examples: [{ bad: '', good: '' }], references: [] } },
      check(ctx) { ctx.report({ start: 0, end: 4, message: 'partial' }); throw new Error('boom'); },
    });
    const errors: string[] = [];
    const { findings, ruleErrors } = lintText('FROM alpine:latest\n', { rules: [thrower, ...allRules], onRuleError: (id) => errors.push(id) });
    assert.deepEqual(errors, ['test-thrower']);
    assert.equal(ruleErrors.length, 1);
    assert.ok(!findings.some((f) => f.rule === 'test-thrower'), 'a throwing rule contributes nothing');
    assert.ok(findings.some((f) => f.rule === 'base-image-latest'));
  });

  it('fix-all of the flagship rules on a realistic file converges and a second run changes nothing', () => {
    const flagship = ['maintainer-deprecated', 'legacy-key-value-format', 'apt-get-update-alone', 'apt-get-missing-yes', 'apt-get-missing-no-install-recommends', 'apt-lists-not-removed', 'add-instead-of-copy', 'runs-as-root', 'shell-form-cmd', 'consecutive-run', 'cleanup-in-separate-layer'];
    const rules = allRules.filter((r) => flagship.includes(r.meta.id));
    assert.equal(rules.length, flagship.length);
    const text = 'FROM python:3.13\nMAINTAINER ops\nENV PORT 8000\nRUN apt-get update\nRUN apt-get install gcc\nADD . /app\nCMD python app.py\n';
    const once = fixAll(text, { unsafe: true, rules });
    assert.equal(once.converged, true);
    const twice = fixAll(once.text, { unsafe: true, rules });
    assert.equal(twice.text, once.text);
    assert.deepEqual(twice.applied, []);
    assert.equal(once.text, 'FROM python:3.13\nLABEL org.opencontainers.image.authors="ops"\nENV PORT=8000\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends gcc && \\\n    rm -rf /var/lib/apt/lists/*\nCOPY . /app\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\nCMD ["python", "app.py"]\n');
  });
});

describe('malformed input', () => {
  for (const [name, text] of [
    ['empty', ''], ['garbage', '\u0000\u0001\uFFFD{{{'], ['unterminated quote', 'FROM alpine\nRUN echo "oops\n'], ['lonely continuation', 'FROM alpine\nRUN \\\n'],
    ['unterminated heredoc', 'FROM alpine\nRUN <<EOF\napt-get update\n'], ['flags only', 'FROM\nCOPY --from=\nRUN --mount\n'], ['BOM and CRLF', '\uFEFFFROM alpine:latest\r\nRUN apt-get install x\r\n'],
  ]) {
    it(`${name}: never throws and still reports what it can`, () => {
      const r = lintText(text);
      assert.deepEqual(r.ruleErrors, []);
      for (const f of r.findings) assert.ok(f.start <= f.end);
    });
  }

  it('a broken line does not hide findings elsewhere', () => {
    const r = lintText('FROM alpine:latest\nRUN apt-get update && \\ # note\n   foo bar\nADD app.py /app/\n');
    const rules = r.findings.map((f) => f.rule);
    assert.ok(rules.includes('invalid-syntax'));
    assert.ok(rules.includes('base-image-latest'));
    assert.ok(rules.includes('add-instead-of-copy'));
  });
});
