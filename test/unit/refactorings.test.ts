// What every refactoring promises, checked on all of them: its documented example gives exactly the documented
// result, through the same offer and checks the editor and the command use; ids are unique; and the engine's
// checks withhold a result that drops a comment, breaks the parse or lints worse.
import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { REFACTORINGS, resultProblem, type RefactorOffer } from '../../server/src/engine';
import { initNodeShellParser } from '../../server/src/host/node';
import { refactor, refactorContext } from '../support/refactor';

before(async () => { await initNodeShellParser(); });

describe('refactorings', () => {
  it('have unique kebab-case ids, a summary and details', () => {
    const ids = REFACTORINGS.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of REFACTORINGS) {
      assert.match(r.id, /^[a-z]+(-[a-z]+)*$/, r.id);
      assert.ok(r.docs.summary.trim() && r.docs.details.trim(), r.id);
    }
  });

  for (const r of REFACTORINGS) {
    it(`${r.id}: the documented example gives the documented result`, async () => {
      const { before, after, answers, files, filesAfter, digests } = r.docs.example;
      // A refactoring that asks a registry is given one that answers from the example's table.
      const registry = digests && { digest: async (ref: string) => (digests[ref] ? { digest: digests[ref] } : { error: `no ${ref}` }) };
      const out = await refactor(r.id, before, { answers, key: undefined, files: files && { ...files }, registry });
      assert.equal(out.text, after);
      assert.deepEqual(Object.fromEntries((out.files ?? []).map((f) => [f.path, f.content])), filesAfter ?? {});
    });
  }
});

describe('the checks on a refactoring\'s result', () => {
  const text = '# base\nFROM alpine:3.20\n# the tool\nRUN apk add --no-cache curl\nCMD ["curl", "-V"]\n';
  const offer: RefactorOffer = { refactoring: 'test', key: '0', title: 'Test', kind: 'refactor.rewrite', start: 0, end: 0, safety: 'unsafe' };
  const at = (needle: string) => text.indexOf(needle);

  it('pass a change that keeps comments and lints no worse', () => {
    assert.equal(resultProblem(refactorContext(text), offer, { edits: [{ start: at('curl\n'), end: at('curl\n') + 4, text: 'wget' }], notes: [] }), undefined);
  });
  it('withhold a change that drops a comment', () => {
    assert.equal(resultProblem(refactorContext(text), offer, { edits: [{ start: at('# the tool'), end: at('RUN'), text: '' }], notes: [] }), 'it would drop the comment "the tool"');
  });
  it('withhold a change that breaks the parse', () => {
    assert.equal(resultProblem(refactorContext(text), offer, { edits: [{ start: at('CMD'), end: at('CMD'), text: 'FROM\n' }], notes: [] }), 'its result does not parse');
  });
  it('withhold a change that adds a problem at warning or error', () => {
    assert.match(resultProblem(refactorContext(text), offer, { edits: [{ start: at(':3.20'), end: at(':3.20') + 5, text: '' }], notes: [] }) ?? '', /^it would add a base-image-untagged problem: /);
  });
  it('pass a change that says a problem of the file again (a builder on the same ended line as the runtime)', () => {
    const old = 'FROM node:16-alpine\nCOPY . /app\nCMD ["node", "/app/server.js"]\n';
    const split = 'FROM node:16-alpine AS build\nCOPY . /app\n\nFROM node:16-alpine\nCOPY --from=build /app /app\nCMD ["node", "/app/server.js"]\n';
    assert.equal(resultProblem(refactorContext(old), offer, { edits: [{ start: 0, end: old.length, text: split }], notes: [] }), undefined);
    const other = split.replace('FROM node:16-alpine AS build', 'FROM node:14-alpine AS build');
    assert.match(resultProblem(refactorContext(old), offer, { edits: [{ start: 0, end: old.length, text: other }], notes: [] }) ?? '', /^it would add a eol-base-image problem: node 14 /);
  });
  it('withhold a safe change that changes the build', () => {
    const problem = resultProblem(refactorContext(text), { ...offer, safety: 'safe' }, { edits: [{ start: at('curl\n'), end: at('curl\n') + 4, text: 'wget' }], notes: [] });
    assert.match(problem ?? '', /^it changes more than it says: /);
  });
});
