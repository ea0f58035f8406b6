import { it } from 'node:test';
import assert from 'node:assert/strict';
import { plainText } from '../../server/src/engine/plain-text';

it('code spans become quoted plain text; everything else stays as it is', () => {
  assert.equal(plainText('`apt-get install` without `--no-install-recommends` also installs recommended packages'), "'apt-get install' without '--no-install-recommends' also installs recommended packages");
  assert.equal(plainText('No code here: 3 < 4 & *stars* stay'), 'No code here: 3 < 4 & *stars* stay');
  assert.equal(plainText("use `echo 'hi'`"), `use "echo 'hi'"`);
  assert.equal(plainText('a span with a backtick: `` a`b ``'), "a span with a backtick: 'a`b'");
  assert.equal(plainText('an unmatched ` stays'), 'an unmatched ` stays');
  assert.equal(plainText('`a` and `` `b` ``'), "'a' and '`b`'");
  assert.equal(plainText('a longer run does not close: `x`` y`'), "a longer run does not close: 'x`` y'");
});
