// The yardstick of the tests that must catch quadratic work (test/support/growth.ts) tells linear from
// quadratic work, whatever the machine's speed.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { growth } from '../support/growth';

let sink = 0;
const linear = (n: number) => { for (let i = 0; i < n; i++) sink += i & 7; };
const quadratic = (n: number) => { for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) sink += (i ^ j) & 7; };

it('linear work grows about x4 from n to 4n, quadratic about x16: they fall on either side of the limit of 8', async () => {
  const lin = await growth(linear, 1 << 20);
  const quad = await growth(quadratic, 1 << 10);
  assert.ok(lin.ratio <= 8, `linear: x${lin.ratio.toFixed(2)} (${lin.smallMs.toFixed(0)} ms at ${lin.n}, ${lin.largeMs.toFixed(0)} ms at ${lin.large})`);
  assert.ok(quad.ratio > 8, `quadratic: x${quad.ratio.toFixed(2)} (${quad.smallMs.toFixed(0)} ms at ${quad.n}, ${quad.largeMs.toFixed(0)} ms at ${quad.large})`);
  assert.ok(sink >= 0);
});
