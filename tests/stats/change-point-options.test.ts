// parallel-safe: pure computation on fixed inputs
// The change-point option for runs each side of a change is localRuns (it was the unit-less `window`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectChangePoints } from '../../src/stats/change-points.js';

const step = Array.from({ length: 40 }, (_, i) => [i < 20 ? 1 : 1.5, i < 20 ? 1.01 : 1.51, i < 20 ? 0.99 : 1.49]);

void test('localRuns bounds the local test and is validated by name', () => {
  assert.deepEqual(
    detectChangePoints(step, { localRuns: 8 }).changes.map((c) => c.position),
    detectChangePoints(step).changes.map((c) => c.position),
  );
  assert.equal(detectChangePoints(step, { localRuns: 8 }).changes[0]?.position, 20);
  assert.throws(() => detectChangePoints(step, { localRuns: 3 }), /localRuns option must be an integer >= minSegment/);
  assert.throws(() => detectChangePoints(step, { localRuns: 6.5 }), { name: 'TypeError', message: /localRuns option must be an integer/ });
});

void test('the old window option is refused with its new name, not silently ignored', () => {
  // @ts-expect-error: window was renamed localRuns
  assert.throws(() => detectChangePoints(step, { window: 10 }), /localRuns/);
});
