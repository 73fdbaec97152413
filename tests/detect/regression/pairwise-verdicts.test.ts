// parallel-safe: pure computation on fixed inputs
// The pairwise gate's four verdicts on constructed log-normal samples.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RegressionDetector } from '../../../src/detect/regression/regression-detector.js';
import { logNormal } from './helpers.js';

void describe('pairwise gate verdicts', () => {
  const detector = new RegressionDetector({ threshold: 0.02, seed: 7, resamples: 1000 });
  const baseline = logNormal(1, 40, 1e-3, 0.01);

  void test('a 10% slowdown is regressed, with the whole interval above 1.02', () => {
    const [c] = detector.compareSamples([{ key: 'slow', baseline, current: logNormal(2, 40, 1.1e-3, 0.01) }]);
    assert.equal(c?.verdict, 'regressed');
    assert.ok(c.interval.lower > 1.02, `interval ${c.interval.lower}..${c.interval.upper}`);
    assert.ok(Math.abs(c.ratio - 1.1) < 0.02, `ratio ${c.ratio}`);
    assert.ok(Math.abs(c.hodgesLehmann - 1.1) < 0.02, `HL ${c.hodgesLehmann}`);
    assert.ok(c.pValue < 1e-6);
  });

  void test('a 10% speed-up is improved', () => {
    const [c] = detector.compareSamples([{ key: 'fast', baseline, current: logNormal(3, 40, 0.9e-3, 0.01) }]);
    assert.equal(c?.verdict, 'improved');
    assert.ok(c.interval.upper < 1 / 1.02);
  });

  void test('the same distribution, tightly measured, is unchanged', () => {
    const [c] = detector.compareSamples([{ key: 'same', baseline, current: logNormal(4, 40, 1e-3, 0.01) }]);
    assert.equal(c?.verdict, 'unchanged');
    assert.ok(c.interval.lower >= 1 / 1.02 && c.interval.upper <= 1.02);
  });

  void test('a significant 2.5% shift whose interval reaches below the threshold is inconclusive (the interval straddles the threshold), not regressed', () => {
    const noisyBase = logNormal(5, 60, 1e-3, 0.02);
    const [c] = detector.compareSamples([{ key: 'small', baseline: noisyBase, current: logNormal(6, 60, 1.025e-3, 0.02) }]);
    assert.ok(c !== undefined);
    assert.ok(c.pValue < 0.05, `p ${c.pValue}`);
    assert.ok(c.interval.lower < 1.02, `interval ${c.interval.lower}`);
    assert.equal(c.verdict, 'inconclusive');
    assert.match(c.reason, /straddles the 2\.0% threshold/);
  });

  void test('a large but noisy difference measured on few samples is inconclusive', () => {
    const [c] = detector.compareSamples([
      { key: 'noisy', baseline: logNormal(7, 6, 1e-3, 0.3), current: logNormal(8, 6, 1.1e-3, 0.3) },
    ]);
    assert.equal(c?.verdict, 'inconclusive');
  });

  void test('the bootstrap interval is seeded: the same seed gives the same interval', () => {
    const other = new RegressionDetector({ seed: 7, resamples: 1000 });
    const current = logNormal(9, 30, 1.05e-3, 0.05);
    const [a] = detector.compareSamples([{ key: 'x', baseline, current }]);
    const [b] = other.compareSamples([{ key: 'x', baseline, current }]);
    assert.deepEqual(a?.interval, b?.interval);
  });

  void test('invalid options are rejected naming the option', () => {
    assert.throws(() => new RegressionDetector({ threshold: 2 }), /threshold option/);
    assert.throws(() => new RegressionDetector({ alpha: 0 }), /alpha option/);
    assert.throws(() => new RegressionDetector({ changePoints: { minSegment: 1 } }), /minSegment option/);
  });
});
