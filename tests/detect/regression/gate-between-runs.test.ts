// parallel-safe: seeded synthetic samples and host conditions
// The pairwise gate beyond one run: between-run noise from the store widens the interval and says so; runs of
// other settings are incomparable; host conditions that could cause a change make it inconclusive.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegressionDetector } from '../../../src/detect/regression/regression-detector.js';
import { betweenRunNoiseFromStore } from '../../../src/detect/regression/between-run-noise.js';
import { FolderResultsStore } from '../../../src/store/folder-store.js';
import { createRng } from '../../../src/stats/rng.js';
import type { HostConditions } from '../../../src/bench/host-conditions.js';
import type { SuiteResult } from '../../../src/core/results.js';
import type { BenchmarkComparison, ComparisonReport } from '../../../src/detect/regression/regression-types.js';
import { logNormal, suiteResult, task } from './helpers.js';
import { gateExitCode } from '../../../src/cli/commands/baseline-gate.js';

const host = (runnablePerCore: number): HostConditions => ({ seconds: 2, cores: 2, loadPerCoreStart: 1, loadPerCoreDuring: 1, runnablePerCore });
const run = (seed: number, median: number, extra: Partial<SuiteResult> = {}): SuiteResult => ({
  ...suiteResult('git', [task('status', logNormal(seed, 40, median, 0.01))]),
  ...extra,
});

function only(report: ComparisonReport): BenchmarkComparison {
  assert.equal(report.comparisons.length, 1);
  const [c] = report.comparisons;
  assert.ok(c !== undefined);
  return c;
}

void describe('pairwise gate across runs', () => {
  void test('between-run noise from 12 stored runs turns a 4% "regression" inside it into inconclusive, and names its source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rune-noise-'));
    try {
      const store = new FolderResultsStore(dir);
      const rng = createRng(7);
      // each run's level moves by about 5% (process, host), its samples by 1%: the spread inside one run hides it
      for (let i = 0; i < 12; i++) {
        const level = 1e-3 * Math.exp(0.05 * Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng()));
        store.append(suiteResult('git', [task('status', logNormal(100 + i, 40, level, 0.01))], { startedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() }));
      }
      const baseline = run(1, 1e-3);
      const current = run(2, 1.04e-3);
      const noise = betweenRunNoiseFromStore(store, ['git/status'], baseline.env.id);
      const sigma = noise.get('git/status')?.sigma ?? 0;
      assert.ok(sigma > 0.02 && sigma < 0.12, `sigma ${sigma}`);
      const detector = new RegressionDetector({ seed: 1, resamples: 500 });
      const within = only(await detector.compare(baseline, current));
      const widened = only(await detector.compare(baseline, current, { betweenRunNoise: noise }));
      assert.equal(within.verdict, 'regressed');
      assert.match(within.intervalCovers, /Not between-run noise: no history of this benchmark on this machine/);
      assert.equal(widened.verdict, 'inconclusive');
      assert.ok(widened.interval.lower < within.interval.lower && widened.interval.upper > within.interval.upper);
      assert.match(widened.intervalCovers, /widened by between-run noise of [\d.]+% per run \(from 12 stored runs of this benchmark on this machine\)/);
      // a 30% slowdown stands out of the same noise
      assert.equal(only(await detector.compare(baseline, run(3, 1.3e-3), { betweenRunNoise: noise })).verdict, 'regressed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  void test('other parameters or scale: every verdict incomparable, the report says what differs', async () => {
    const detector = new RegressionDetector({ seed: 1, resamples: 500 });
    const report = await detector.compare(
      run(1, 1e-3, { settings: { scale: 'quick', params: { kib: 64 } } }),
      run(2, 1.43e-3, { settings: { scale: 'standard', params: { kib: 96 } } }),
    );
    assert.equal(report.incomparable, 'scale "quick" in the baseline, "standard" now; parameter kib 64 in the baseline, 96 now');
    assert.deepEqual(report.comparisons.map((c) => c.verdict), ['incomparable']);
    assert.deepEqual(report.regressed, []);
    assert.equal(gateExitCode(report, { failOnRegression: false, strict: false }).code, 2);
    // results without settings (older files) are compared as before
    assert.equal(only(await detector.compare(run(1, 1e-3), run(2, 1.43e-3))).verdict, 'regressed');
  });

  void test('a busier host: a 10% slowdown is inconclusive with a notice naming the run queue; a 3x one stays regressed', async () => {
    const detector = new RegressionDetector({ seed: 1, resamples: 500 });
    const baseline = run(1, 1e-3, { host: host(0.5) });
    const slower = await detector.compare(baseline, run(2, 1.1e-3, { host: host(2.5) }));
    assert.equal(only(slower).verdict, 'inconclusive');
    // 2.5 runnable per core: oversubscribed, so a timing can be slowed by any amount
    assert.match(only(slower).reason, /host's conditions differ enough to explain a slowdown of any size \(an oversubscribed CPU now\) or a speed-up of up to -60%: runnable processes per core 0\.5 during the baseline, 2\.5 now/);
    // 1.5 per core: bounded by the CPU share, -33% to +50%
    const shared = await detector.compare(baseline, run(2, 1.1e-3, { host: host(1.5) }));
    assert.match(only(shared).reason, /explain a change of -33% to \+50%: runnable processes per core 0\.5 during the baseline, 1\.5 now/);
    assert.ok(slower.notices.some((n) => n.includes('runnable processes per core 0.5 during the baseline, 2.5 now')), slower.notices.join('\n'));
    assert.equal(slower.conditions?.explains, true);
    // --fail-on-regression: inconclusive exits 0; --strict makes it 4
    assert.deepEqual(gateExitCode(slower, { failOnRegression: true, strict: false }), { code: 0 });
    assert.deepEqual(gateExitCode(slower, { failOnRegression: true, strict: true }), { code: 4, line: '1 inconclusive verdict (--strict)' });
    const muchSlower = await detector.compare(baseline, run(3, 3e-3, { host: host(1.5) }));
    assert.equal(only(muchSlower).verdict, 'regressed');
    assert.match(only(muchSlower).reason, /beyond what the host's changed conditions could cause \(a change of -33% to \+50%\)/);
    // alike conditions change nothing
    assert.equal(only(await detector.compare(baseline, run(4, 1.1e-3, { host: host(0.7) }))).verdict, 'regressed');
  });

  void test('a baseline on an oversubscribed CPU explains any speed-up, a slowdown only within the CPU-share ratio', async () => {
    const detector = new RegressionDetector({ seed: 1, resamples: 500 });
    // the baseline met an oversubscribed CPU (4.3 runnable per core), the current run less (3.0)
    const baseline = run(1, 1e-3, { host: host(4.3) });
    const slower = only(await detector.compare(baseline, run(2, 3e-3, { host: host(3.0) })));
    assert.equal(slower.verdict, 'regressed', slower.reason);
    assert.match(slower.reason, /beyond what the host's changed conditions could cause \(a slowdown of up to \+43% or a speed-up of any size \(an oversubscribed CPU during the baseline\)\)/);
    const faster = only(await detector.compare(baseline, run(3, 0.5e-3, { host: host(3.0) })));
    assert.equal(faster.verdict, 'inconclusive');
    assert.match(faster.reason, /explain a slowdown of up to \+43% or a speed-up of any size \(an oversubscribed CPU during the baseline\): runnable processes per core 4\.3 during the baseline, 3\.0 now/);
  });
});
