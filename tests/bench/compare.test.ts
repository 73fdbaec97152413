import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare } from '../../src/bench/compare.js';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { createRng } from '../../src/stats/rng.js';
import { isRuneBenchError } from '../../src/core/errors.js';
import type { TaskResult } from '../../src/core/results.js';

function task(name: string, median: number, noise: number, seed: number, n = 200): TaskResult {
  const rng = createRng(seed);
  const samples = Array.from({ length: n }, () => median * (1 + noise * (rng() + rng() + rng() - 1.5)));
  return { name, status: 'ok', samples, duration: 1, tags: [] };
}

void test('verdicts: regressed, improved, unchanged, each with its reason', () => {
  const base = task('a', 1e-6, 0.05, 1);
  const slower = compare(base, task('b', 1.1e-6, 0.05, 2));
  assert.equal(slower.verdict, 'regressed');
  assert.equal(slower.key, 'b');
  assert.match(slower.reason, /lies wholly above the 2\.0% threshold/);
  assert.ok(Math.abs(slower.ratio - 1.1) < 0.02, String(slower.ratio));
  assert.ok(slower.interval.lower > 1.02 && slower.interval.lower < 1.1 && slower.interval.upper > 1.1);
  assert.deepEqual(slower.samples, { baseline: 200, current: 200 });
  assert.ok(slower.pValue < 1e-6);
  const faster = compare(base, task('b', 0.9e-6, 0.05, 3));
  assert.equal(faster.verdict, 'improved');
  assert.ok(faster.ratio < 0.92);
  const same = compare(base, task('b', 1e-6, 0.05, 4));
  assert.ok(same.verdict === 'unchanged' || same.verdict === 'inconclusive', same.verdict);
  assert.ok(same.interval.lower < 1 && same.interval.upper > 1);
});

void test('a significant effect inside the threshold is not a regression; the threshold is configurable', () => {
  const base = task('a', 1e-6, 0.002, 5, 500);
  const onePercent = task('b', 1.01e-6, 0.002, 6, 500);
  const c = compare(base, onePercent);
  assert.ok(c.pValue < 1e-6, 'clearly significant');
  assert.equal(c.verdict, 'unchanged', 'but inside the 2% default threshold');
  assert.match(c.reason, /lies within the 2\.0% threshold/);
  assert.equal(compare(base, onePercent, { threshold: 0.005 }).verdict, 'regressed');
});

void test('deterministic for a seed; needs kept samples', () => {
  const a = task('a', 1, 0.1, 7);
  const b = task('b', 1.05, 0.1, 8);
  assert.deepEqual(compare(a, b, { seed: 3 }), compare(a, b, { seed: 3 }));
  const bare: TaskResult = { name: 'bare', status: 'ok', duration: 1, tags: [] };
  assert.throws(() => compare(a, bare), (e: unknown) => isRuneBenchError(e, 'ERR_INSUFFICIENT_DATA'));
  assert.throws(() => compare(a, b, { threshold: 2 }), RangeError);
});

void test('compares two real tasks measured by the suite', async () => {
  const spin = (n: number): number => {
    let x = 0;
    for (let i = 0; i < n; i++) x = (x + i * 7) % 10_007;
    return x;
  };
  const suite = new BenchmarkSuite('pair', { timeMs: 80, warmupMs: 20, minSamples: 40 });
  suite.add('1k', () => spin(1000));
  suite.add('4k', () => spin(4000));
  const [small, large] = (await suite.run()).tasks;
  const c = compare(small!, large!);
  assert.equal(c.verdict, 'regressed', JSON.stringify({ c, small: small!.stats, large: large!.stats }));
  assert.ok(c.ratio > 2 && c.ratio < 8, String(c.ratio));
  assert.equal(compare(large!, small!).verdict, 'improved');
});

void test('compare() and the detector give the same comparison for the same samples', async () => {
  const { RegressionDetector } = await import('../../src/detect/regression/regression-detector.js');
  const a = task('a', 1e-6, 0.05, 11);
  const b = task('b', 1.08e-6, 0.05, 12);
  const [viaDetector] = new RegressionDetector({ threshold: 0.02, alpha: 0.05, seed: 1, resamples: 1000 }).compareSamples([
    { key: 'b', baseline: a.samples!, current: b.samples! },
  ]);
  assert.deepEqual(compare(a, b), viaDetector);
});
