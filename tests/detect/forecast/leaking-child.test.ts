// A real leaking child (node with a small heap, growing a Map): the heap forecast appears before it runs out
// of heap, and the interval holds the moment it does. Nothing asserts a wall-clock duration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holdsDeath, watchLeakingChild, type SeenForecast } from '../../../bench/leaking-child.js';

void test('a leaking child: forecasts come before it runs out of heap, and their intervals hold the moment it does', { timeout: 60_000 }, async () => {
  const run = await watchLeakingChild();
  assert.ok(run.code !== 0 || run.signal !== null, 'the child ran out of heap');
  const first = run.seen[0];
  assert.ok(first !== undefined, 'a forecast was raised');
  assert.ok(first.madeAt < run.death, 'the first forecast came before the child died');
  // The late forecasts (second half between the first forecast and the death). The heap limit allows for the
  // child slowing near its limit (GC takes more and more of its CPU): `npm run bench:forecast -- --child 4`
  // beside two busy processes (load 4-6 on 2 cores) held the moment in 264 of 269 late forecasts, the last
  // one in 4 of 4 runs; before that allowance 35-60% held and the last one missed. Asserted with a margin.
  assert.ok(run.late.length > 0);
  const at = (t: number): string => (t - first.madeAt).toFixed(1);
  const story = `death ${at(run.death)}-${at(run.exitAt)} s after the first forecast; late forecasts ${run.late.map((s) => `${at(s.madeAt)}:[${at(s.low)}, ${at(s.high)}]`).join(' ')}`;
  const held = run.late.filter((s) => holdsDeath(run, s)).length;
  assert.ok(held >= 0.8 * run.late.length, `${held} of ${run.late.length} late forecasts hold the moment; ${story}`);
  assert.ok(holdsDeath(run, run.late.at(-1) as SeenForecast), `the last forecast does not hold the moment; ${story}`);
  const promisedTooMuch = run.late.filter((s) => s.low > run.exitAt);
  assert.equal(promisedTooMuch.length, 0, `${promisedTooMuch.length} of ${run.late.length} late forecasts start after the exit; ${story}`);
});
