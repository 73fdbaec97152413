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
}

function history(seed: number, shape: Shape): number[][] {
  const rng = createRng(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const out: number[][] = [];
  for (let i = 0; i < shape.runs; i++) {
    let level = Math.log(2e-3) + (shape.level?.(i) ?? 0) + (shape.between ?? 0.005) * normal();
    if (shape.badRuns?.includes(i) === true) level += Math.log(1.4);
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
