// parallel-safe: pure computation on fixed inputs
// Benjamini-Hochberg adjusted p-values, and the gate correcting across many benchmarks at once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { benjaminiHochberg } from '../../src/stats/benjamini-hochberg.js';
import { RegressionDetector } from '../../src/detect/regression/regression-detector.js';
import { logNormal } from '../detect/regression/helpers.js';

void describe('Benjamini-Hochberg', () => {
  void test('adjusts p-values in input order, monotone and capped at 1', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    const expected = [0.02, 0.04, 0.04, 0.02];
    q.forEach((v, i) => {
      assert.ok(Math.abs(v - expected[i]!) < 1e-12, `q[${i}] = ${v}`);
    });
    assert.deepEqual(benjaminiHochberg([0.9, 0.8]), [0.9, 0.9]);
    assert.deepEqual(benjaminiHochberg([]), []);
    assert.equal(benjaminiHochberg([Number.NaN])[0], 1);
  });

  void test('a p-value significant alone is not once corrected across many benchmarks', () => {
    // one benchmark with a marginal p among 30 unchanged ones
    const pValues = [0.01, ...Array.from({ length: 30 }, (_, i) => 0.2 + i * 0.02)];
    assert.ok(benjaminiHochberg(pValues)[0]! > 0.05);
  });

  void test('the gate reports q-values across the sets compared together and only regresses the real slowdown', () => {
    const detector = new RegressionDetector({ seed: 3, resamples: 500 });
    const sets = Array.from({ length: 20 }, (_, i) => ({
      key: `b${i}`,
      baseline: logNormal(100 + i, 20, 1e-3, 0.03),
      current: logNormal(200 + i, 20, i === 0 ? 1.2e-3 : 1e-3, 0.03),
    }));
    const out = detector.compareSamples(sets);
    assert.equal(out.length, 20);
    for (const c of out) assert.ok(c.qValue >= c.pValue - 1e-15, `${c.key}: q ${c.qValue} < p ${c.pValue}`);
    assert.deepEqual(
      out.filter((c) => c.verdict === 'regressed').map((c) => c.key),
      ['b0'],
    );
  });
});
