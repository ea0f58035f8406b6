// The model reads instructions' words with instructionArguments (by slices) in place of dockerfile-ast's own
// getRawArguments (a character at a time). They must agree on every input: values and ranges, for every
// instruction, under both escape characters. Compared against a second, untouched copy of dockerfile-ast, on the
// bench corpus, the examples and generated text full of escapes, continuations, comments and line endings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { DockerfileModel } from '../../server/src/engine/model/dockerfile';
import { instructionArguments } from '../../server/src/engine/model/instruction-arguments';

const root = path.resolve(__dirname, '../../..');

// Importing the model put instructionArguments in place; dockerfile-ast loaded again from scratch is the original.
assert.ok(DockerfileModel);
const patched = require('dockerfile-ast') as typeof import('dockerfile-ast');
for (const key of Object.keys(require.cache)) if (key.includes(`${path.sep}node_modules${path.sep}dockerfile-ast${path.sep}`)) delete require.cache[key];
const original = require('dockerfile-ast') as typeof import('dockerfile-ast');
// getRawArguments is private in dockerfile-ast's types.
type Raw = { getRawArguments(): import('dockerfile-ast').Argument[] };
const rawOf = (ast: typeof import('dockerfile-ast')) => (ast.Instruction.prototype as unknown as Raw).getRawArguments;
assert.notEqual(rawOf(original), rawOf(patched), 'two copies of dockerfile-ast');

type Words = Array<{ value: string; range: unknown }>;
const words = (ast: typeof import('dockerfile-ast'), text: string): Words[] =>
  ast.DockerfileParser.parse(text).getInstructions().map((i) => (i as unknown as Raw).getRawArguments().map((a) => ({ value: a.getValue(), range: a.getRange() })));

function agree(text: string): void {
  assert.deepEqual(words(patched, text), words(original, text), JSON.stringify(text));
}

describe('instruction arguments read by slices', () => {
  it('reads words, escapes and continuations', () => {
    // An escape before a space is no escaped space: the word ends there.
    assert.deepEqual(instructionArguments(' a  b\\ c', '\\').map((a) => a.value), ['a', 'b', 'c']);
    // Docker joins continued lines as they are: indentation after the break separates words.
    assert.deepEqual(instructionArguments(' a\\\nb', '\\'), [{ value: 'ab', start: 1, end: 5 }]);
    assert.deepEqual(instructionArguments(' a\\\n  b', '\\'), [{ value: 'a', start: 1, end: 2 }, { value: 'b', start: 6, end: 7 }]);
    assert.deepEqual(instructionArguments(' a \\\n# note\n b', '\\').map((a) => a.value), ['a', 'b']);
    assert.deepEqual(instructionArguments(' \\$HOME `$x', '`').map((a) => a.value), ['\\$HOME', '`$x']);
  });

  it('agrees with dockerfile-ast on the bench corpus and the examples', () => {
    const files = [
      ...['bench/corpus/own', 'bench/corpus/variants'].flatMap((d) => fs.readdirSync(path.join(root, d)).map((f) => path.join(root, d, f))),
      ...fs.readdirSync(path.join(root, 'examples')).map((d) => path.join(root, 'examples', d, 'Dockerfile')).filter((f) => fs.existsSync(f)),
    ];
    assert.ok(files.length > 200, String(files.length));
    for (const f of files) agree(fs.readFileSync(f, 'utf8'));
  });

  it('agrees with dockerfile-ast on generated instructions', () => {
    const piece = fc.constantFrom('RUN', 'ENV', 'COPY', ' ', ' ', '\t', '\\', '\\', '`', '\n', '\r\n', '\r', '#', '# c\n', '$', '$x', 'a', 'bc', '"', "'", '=', '[', ']', '\\ \n', '\\\t\r\n', ' \\', 'ä');
    const instruction = fc.tuple(fc.constantFrom('RUN ', 'ENV ', 'LABEL ', 'COPY ', 'FROM ', 'CMD '), fc.array(piece, { maxLength: 30 })).map(([k, p]) => k + p.join(''));
    const file = fc.tuple(fc.boolean(), fc.array(instruction, { minLength: 1, maxLength: 4 })).map(([backtick, lines]) => (backtick ? '# escape=`\n' : '') + lines.join('\n'));
    fc.assert(fc.property(file, (text) => { agree(text); }), { numRuns: 3000, seed: 20261206 });
  });
});
