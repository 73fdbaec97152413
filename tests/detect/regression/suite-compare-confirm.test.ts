// Comparing two SuiteResults measured on real work, and confirming a regression by re-running.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { RegressionDetector } from '../../../src/detect/regression/regression-detector.js';
import type { BenchmarkComparison, ComparisonReport, RegressionEvent } from '../../../src/detect/regression/regression-types.js';
import { suiteResult, task } from './helpers.js';

const data = Buffer.alloc(64 * 1024, 7);

/** Per-operation seconds of hashing `rounds` x 64 KiB, measured for real. */
function measure(rounds: number, samples = 25): number[] {
  return measureInterleaved([rounds], samples)[0]!;
}

/** Measures several workloads sample by sample in turn, so a change in machine load hits them alike. */
function measureInterleaved(rounds: readonly number[], samples = 25): number[][] {
  const out = rounds.map(() => [] as number[]);
  for (let s = 0; s < samples; s++) {
    rounds.forEach((n, k) => {
      const t0 = performance.now();
      for (let r = 0; r < n; r++) createHash('sha256').update(data).digest();
      out[k]!.push((performance.now() - t0) / 1000);
    });
  }
  return out;
}

void describe('RegressionDetector.compare on suite results', () => {
  void test('doubling the hashing work is regressed and emits a pairwise regression event; same work is not', async () => {
    // a 10% threshold: the machine running the tests is shared, so equal work can differ by a few percent
    const detector = new RegressionDetector({ seed: 1, resamples: 500, threshold: 0.1 });
    const events: RegressionEvent[] = [];
    detector.on('regression', (e) => events.push(e));
    const [base8, base8b, cur16, cur8] = measureInterleaved([8, 8, 16, 8]);
    const baseline = suiteResult('hash', [task('sha256', base8!), task('steady', base8b!), task('gone', measure(1))]);
    const current = suiteResult('hash', [task('sha256', cur16!), task('steady', cur8!), task('new', measure(1))]);
    const report = await detector.compare(baseline, current);
    assert.deepEqual(report.regressed, ['hash/sha256']);
    const sha = report.comparisons.find((c) => c.key === 'hash/sha256');
    assert.ok(sha !== undefined && sha.interval.lower > 1.02 && sha.ratio > 1.5, `ratio ${sha?.ratio}`);
    assert.notEqual(report.comparisons.find((c) => c.key === 'hash/steady')?.verdict, 'regressed');
    assert.deepEqual(report.notCompared.map((s) => s.key).sort(), ['hash/gone', 'hash/new']);
    assert.equal(events.length, 1);
    assert.equal(events[0]?.kind, 'pairwise');
  });

  /**
   * Two benchmarks change from `from` to `to` rounds of hashing: 'transient' re-runs at the baseline's speed,
   * 'real' at the changed one. Both are re-run; returns the report and what was re-run.
   */
  async function confirmTwo(seed: number, from: number, to: number): Promise<{ report: ComparisonReport; asked: string[]; transient: BenchmarkComparison; real: BenchmarkComparison }> {
    // a 25% threshold against a 2x change: the re-run is measured after the baseline, not beside it, and on our
    // 2-core CI VM the same hashing read more than 10% slower a moment later (a clean-clone run confirmed the
    // transient one that way); the confirmation's logic, not the machine's steadiness, is under test here
    const detector = new RegressionDetector({ seed, resamples: 500, threshold: 0.25 });
    const [b1, b2, c1, c2] = measureInterleaved([from, from, to, to]);
    const baseline = suiteResult('hash', [task('transient', b1!), task('real', b2!)]);
    const current = suiteResult('hash', [task('transient', c1!), task('real', c2!)]);
    const asked: string[] = [];
    const report = await detector.compare(baseline, current, {
      confirm: (name) => {
        asked.push(name);
        return measure(name === 'hash/transient' ? from : to);
      },
    });
    const transient = report.comparisons.find((c) => c.key === 'hash/transient');
    const real = report.comparisons.find((c) => c.key === 'hash/real');
    assert.ok(transient !== undefined && real !== undefined);
    return { report, asked: asked.sort(), transient, real };
  }

  void test('a regression that does not reproduce on re-run is downgraded; one that does is confirmed', async () => {
    const { report, asked, transient, real } = await confirmTwo(2, 8, 16);
    assert.deepEqual(asked, ['hash/real', 'hash/transient']);
    assert.equal(transient.verdict, 'inconclusive');
    assert.match(transient.reason, /re-run did not reproduce/);
    assert.equal(transient.confirmation, 'not-reproduced');
    assert.equal(real.verdict, 'regressed');
    assert.equal(real.confirmation, 'confirmed');
    assert.deepEqual(report.regressed, ['hash/real']);
  });

  void test('an improvement is confirmed the same way: one that does not reproduce is downgraded', async () => {
    const { asked, transient, real } = await confirmTwo(3, 16, 8);
    assert.deepEqual(asked, ['hash/real', 'hash/transient']);
    assert.equal(transient.verdict, 'inconclusive');
    assert.equal(transient.confirmation, 'not-reproduced');
    assert.equal(real.verdict, 'improved');
    assert.equal(real.confirmation, 'confirmed');
  });

  void test('tasks without kept samples are skipped with a reason, and an aborted signal rejects', async () => {
    const detector = new RegressionDetector();
    const { samples, ...bare } = task('bare', measure(1, 10));
    assert.ok(samples !== undefined && !('samples' in bare));
    const report = await detector.compare(suiteResult('s', [bare]), suiteResult('s', [bare], { machine: 'other' }));
    assert.equal(report.comparisons.length, 0);
    assert.match(report.notCompared[0]?.reason ?? '', /keepSamples/);
    assert.match(report.notices[0] ?? '', /machine/);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(detector.compare(suiteResult('s', [bare]), suiteResult('s', [bare]), { signal: controller.signal }), {
      code: 'ERR_ABORTED',
    });
  });
});
