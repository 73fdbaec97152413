// Comparing two SuiteResults measured on real work, and confirming a regression by re-running.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { RegressionDetector } from '../../../src/detect/regression/regression-detector.js';
import type { RegressionEvent } from '../../../src/detect/regression/regression-types.js';
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

  void test('a regression that does not reproduce on re-run is downgraded; one that does is confirmed', async () => {
    const detector = new RegressionDetector({ seed: 2, resamples: 500, threshold: 0.1 });
    const [b1, b2, c1, c2] = measureInterleaved([8, 8, 16, 16]);
    const baseline = suiteResult('hash', [task('flaky', b1!), task('real', b2!)]);
    const current = suiteResult('hash', [task('flaky', c1!), task('real', c2!)]);
    const asked: string[] = [];
    const report = await detector.compare(baseline, current, {
      confirm: (name) => {
        asked.push(name);
        // the flaky one was a transient slowdown: re-running it gives the baseline's speed
        return measure(name === 'hash/flaky' ? 8 : 16);
      },
    });
    assert.deepEqual(asked.sort(), ['hash/flaky', 'hash/real']);
    const flaky = report.comparisons.find((c) => c.key === 'hash/flaky');
    const real = report.comparisons.find((c) => c.key === 'hash/real');
    assert.equal(flaky?.verdict, 'inconclusive');
    assert.match(flaky.reason, /re-run did not reproduce/);
    assert.equal(flaky.confirmation, 'not-reproduced');
    assert.equal(real?.verdict, 'regressed');
    assert.equal(real.confirmation, 'confirmed');
    assert.deepEqual(report.regressed, ['hash/real']);
  });

  void test('an improvement is confirmed the same way: one that does not reproduce is downgraded', async () => {
    const detector = new RegressionDetector({ seed: 3, resamples: 500, threshold: 0.1 });
    const [b1, b2, c1, c2] = measureInterleaved([16, 16, 8, 8]);
    const baseline = suiteResult('hash', [task('lucky', b1!), task('faster', b2!)]);
    const current = suiteResult('hash', [task('lucky', c1!), task('faster', c2!)]);
    const asked: string[] = [];
    const report = await detector.compare(baseline, current, {
      confirm: (name) => {
        asked.push(name);
        // the lucky one was a transient: re-running it gives the baseline's speed
        return measure(name === 'hash/lucky' ? 16 : 8);
      },
    });
    assert.deepEqual(asked.sort(), ['hash/faster', 'hash/lucky']);
    const lucky = report.comparisons.find((c) => c.key === 'hash/lucky');
    const faster = report.comparisons.find((c) => c.key === 'hash/faster');
    assert.equal(lucky?.verdict, 'inconclusive');
    assert.equal(lucky.confirmation, 'not-reproduced');
    assert.equal(faster?.verdict, 'improved');
    assert.equal(faster.confirmation, 'confirmed');
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
