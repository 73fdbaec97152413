// parallel-safe: pure computation on fixed inputs
// Change points over seeded histories: the right place, no alarm on flat or drifting series, suspected tails.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../src/stats/rng.js';
import { detectChangePoints } from '../../src/stats/change-points.js';
import { RegressionDetector } from '../../src/detect/regression/regression-detector.js';
import type { RegressionEvent } from '../../src/detect/regression/regression-types.js';

interface Shape {
  runs: number;
  /** log level of each run, before noise */
  level?: (i: number) => number;
  within?: number;
  between?: number;
  badRuns?: readonly number[];
  /** log shift of a bad run (a whole run slower, spread inside unchanged) @defaultValue `Math.log(1.4)` */
  badShift?: number;
  /** machine pool: log gap of the slow machine and the share of runs that land on it */
  pool?: { gap: number; slowShare: number };
}

/** The machine of each run of {@link history} for the same seed and shape (drawn from its own stream). */
function poolMachines(seed: number, shape: Shape): string[] {
  const rng = createRng(seed + 7777);
  return Array.from({ length: shape.runs }, () => (rng() < (shape.pool?.slowShare ?? 0) ? 'slow' : 'fast'));
}

function history(seed: number, shape: Shape): number[][] {
  const rng = createRng(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const machines = poolMachines(seed, shape);
  const out: number[][] = [];
  for (let i = 0; i < shape.runs; i++) {
    let level = Math.log(2e-3) + (shape.level?.(i) ?? 0) + (shape.between ?? 0.005) * normal();
    if (shape.badRuns?.includes(i) === true) level += shape.badShift ?? Math.log(1.4);
    if (shape.pool !== undefined && machines[i] === 'slow') level += shape.pool.gap;
    const samples: number[] = [];
    for (let s = 0; s < 15; s++) {
      let x = level + (shape.within ?? 0.03) * normal();
      if (rng() < 0.02) x += Math.log(3); // an outlier spike
      samples.push(Math.exp(x));
    }
    out.push(samples);
  }
  return out;
}

const step = (at: number, ratio: number) => (i: number) => (i >= at ? Math.log(ratio) : 0);

void describe('change points', () => {
  void test('an 8% step is found at its run, as a confirmed regression whose interval holds the true ratio', () => {
    const result = detectChangePoints(history(11, { runs: 70, level: step(40, 1.08), badRuns: [15] }));
    assert.equal(result.changes.length, 1, JSON.stringify(result.changes));
    const [c] = result.changes;
    assert.equal(c?.position, 40);
    assert.equal(c.direction, 'regression');
    assert.equal(c.status, 'confirmed');
    assert.ok(c.ci.lower < 1.08 && c.ci.upper > 1.08, `interval ${c.ci.lower}..${c.ci.upper}`);
    assert.ok(c.pValue < 0.002);
    assert.deepEqual(result.anomalies, [15]);
  });

  void test('an improvement is reported as such', () => {
    const [c] = detectChangePoints(history(12, { runs: 50, level: step(20, 0.85) })).changes;
    assert.equal(c?.direction, 'improvement');
    assert.ok(Math.abs(c.position - 20) <= 1);
    assert.ok(c.ratio < 0.9);
  });

  void test('no alarm on seeded flat series with spikes and one-off bad runs, nor on a slow drift', () => {
    for (let seed = 0; seed < 12; seed++) {
      const flat = detectChangePoints(history(100 + seed, { runs: 120, badRuns: [30 + seed, 80] }));
      assert.deepEqual(flat.changes, [], `flat seed ${seed}`);
    }
    for (let seed = 0; seed < 6; seed++) {
      const drift = detectChangePoints(history(200 + seed, { runs: 100, level: (i) => (Math.log(1.08) * i) / 99 }));
      assert.deepEqual(drift.changes, [], `drift seed ${seed}`);
    }
  });

  void test('a short history with two runs of eight slowed by a loaded host: a 100x step is still found, no step is not', () => {
    // two whole runs 2.5x slower spoil four of the seven first differences; the step must not hide behind them
    for (let seed = 0; seed < 6; seed++) {
      const bad = [1 + (seed % 3), 5 + (seed % 3)];
      const stepped = detectChangePoints(history(300 + seed, { runs: 8, level: step(4, 100), badRuns: bad, badShift: Math.log(2.5) }));
      assert.deepEqual(
        stepped.changes.map((c) => [c.position, c.direction]),
        [[4, 'regression']],
        `seed ${seed}, bad runs ${bad.join(', ')}`,
      );
      const flat = detectChangePoints(history(400 + seed, { runs: 8, badRuns: bad, badShift: Math.log(2.5) }));
      assert.deepEqual(flat.changes, [], `flat seed ${seed}`);
    }
  });

  void test('one slow run away from the newest runs does not tilt the drift estimate into a change in a short history', () => {
    // a least-squares slope through a window with a slow run at its edge read the newest runs as a step
    for (let seed = 0; seed < 40; seed++) {
      for (const at of [0, 1, 4, 5]) {
        const flat = detectChangePoints(history(500 + seed, { runs: 8, badRuns: [at], badShift: Math.log(2.5) }));
        assert.deepEqual(flat.changes, [], `seed ${seed}, slow run ${at}`);
      }
    }
  });

  void test('a step in the last two runs is suspected, and confirmed once more runs agree', () => {
    const shape = { runs: 66, level: step(58, 1.2) };
    const all = history(13, shape);
    const early = detectChangePoints(all.slice(0, 60));
    assert.equal(early.changes.length, 1, JSON.stringify(early.changes));
    const first = early.changes[0]!;
    assert.equal(first.position, 58);
    assert.equal(first.status, 'suspected');
    assert.equal(first.runsAfter, 2);
    const later = detectChangePoints(all);
    assert.equal(later.changes.length, 1);
    const confirmed = later.changes[0]!;
    assert.equal(confirmed.position, 58);
    assert.equal(confirmed.status, 'confirmed');
  });

  void test('a pool of two machine speeds that alternate is not a change, with or without fingerprints', () => {
    // 40 seeded histories whose runs land on a machine 15% slower three times in ten: chance streaks of slow
    // runs used to become a confirmed regression and improvement pair (4 of these 40 did)
    for (let seed = 0; seed < 40; seed++) {
      const shape = { runs: 120, pool: { gap: Math.log(1.15), slowShare: 0.3 } };
      const runs = history(300 + seed, shape);
      assert.deepEqual(detectChangePoints(runs).changes, [], `mixture seed ${seed}`);
      assert.deepEqual(detectChangePoints(runs, { machines: poolMachines(300 + seed, shape) }).changes, [], `fingerprints seed ${seed}`);
    }
  });

  void test('a step inside a machine pool is still found at its run', () => {
    const shape = { runs: 100, level: step(60, 1.1), pool: { gap: Math.log(1.08), slowShare: 0.35 } };
    const runs = history(41, shape);
    for (const result of [detectChangePoints(runs), detectChangePoints(runs, { machines: poolMachines(41, shape) })]) {
      assert.equal(result.changes.length, 1, JSON.stringify(result.changes));
      assert.equal(result.changes[0]?.position, 60);
      assert.equal(result.changes[0].direction, 'regression');
    }
    assert.throws(() => detectChangePoints(runs, { machines: ['a'] }), /machines option/);
  });

  void test('a bad newest run (whole run slower, spread unchanged) in a history that has had such runs is an anomaly, not a change', () => {
    for (let seed = 0; seed < 6; seed++) {
      const runs = history(400 + seed, { runs: 80, badRuns: [25, 79], badShift: Math.log(1.3) });
      const result = detectChangePoints(runs);
      assert.deepEqual(result.changes, [], `seed ${seed}`);
      assert.ok(result.anomalies.includes(79), `seed ${seed}: anomalies ${JSON.stringify(result.anomalies)}`);
    }
  });

  void test('a change in the newest runs is found and placed at its first run, even inside the minimum segment', () => {
    for (const [at, status] of [
      [79, 'suspected'],
      [78, 'suspected'],
      [77, 'suspected'],
      [76, 'confirmed'],
      [75, 'confirmed'],
    ] as const) {
      for (let seed = 0; seed < 4; seed++) {
        const result = detectChangePoints(history(500 + seed + 10 * at, { runs: 80, level: step(at, 0.88) }));
        assert.equal(result.changes.length, 1, `at ${at} seed ${seed}: ${JSON.stringify(result.changes)}`);
        const [c] = result.changes;
        assert.equal(c?.position, at, `at ${at} seed ${seed}`);
        assert.equal(c.direction, 'improvement');
        assert.equal(c.status, status);
        assert.equal(c.runsAfter, 80 - at);
      }
    }
  });

  void test('the detector reports the commit of a change and emits a change-point regression event', () => {
    const runs = history(14, { runs: 40, level: step(25, 1.15) });
    const detector = new RegressionDetector();
    const events: RegressionEvent[] = [];
    detector.on('regression', (e) => events.push(e));
    const analysis = detector.analyze({
      key: 'suite/task',
      machine: 'm',
      points: runs.map((samples, i) => ({ commit: `c${i}`, startedAt: new Date(i * 1000).toISOString(), samples })),
    });
    assert.equal(analysis.changes.length, 1);
    const change = analysis.changes[0]!;
    assert.equal(change.commit, 'c25');
    assert.equal(change.previousCommit, 'c24');
    assert.equal(events.length, 1);
    assert.ok(events[0]?.kind === 'change-point' && events[0].key === 'suite/task');
  });

  void test('an aborted signal stops the analysis; a run without samples is rejected', () => {
    const controller = new AbortController();
    controller.abort();
    assert.throws(() => detectChangePoints(history(1, { runs: 30 }), { signal: controller.signal }), { code: 'ERR_ABORTED' });
    assert.throws(() => detectChangePoints([[1], []]), /run 1 has no positive sample/);
  });
});
