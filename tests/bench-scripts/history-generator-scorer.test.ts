// parallel-safe: pure computation on fixed inputs
// The labelled history generator is deterministic and shaped as documented; the scorer counts correctly.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateHistories } from '../../bench/regression/history-generator.js';
import { scoreDetections } from '../../bench/regression/history-scorer.js';
import { detectChangePoints } from '../../src/stats/change-points.js';

void describe('history generator and scorer', () => {
  void test('same seed, same histories; shapes within the documented ranges', () => {
    const a = generateHistories({ seed: 5, count: 40 });
    const b = generateHistories({ seed: 5, count: 40 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(generateHistories({ seed: 6, count: 40 }), a);
    for (const h of a) {
      assert.ok(h.runs.length >= 30 && h.runs.length <= 200);
      for (const r of h.runs) assert.ok(r.length >= 10 && r.length <= 30 && r.every((v) => v > 0));
      for (const c of h.changes) {
        const size = Math.abs(Math.log(c.ratio));
        assert.ok(size >= Math.log(1.03) - 1e-12 && size <= Math.log(1.5) + 1e-12);
      }
    }
    assert.ok(a.some((h) => h.changes.length === 0) && a.some((h) => h.changes.length > 0));
    assert.throws(() => generateHistories({ minRuns: 5 }), /minRuns option/);
    assert.throws(() => generateHistories({ poolShare: 2 }), /poolShare option/);
  });

  void test('machine pools, bad newest runs and regressions come in the documented shares', () => {
    const all = generateHistories({ seed: 3, count: 600 });
    const pools = all.filter((h) => h.features.includes('machine-pool'));
    assert.ok(pools.length > 50 && pools.length < 130, `pools ${pools.length}`);
    const fingerprinted = pools.filter((h) => h.machines !== undefined);
    assert.ok(fingerprinted.length > 0.3 * pools.length && fingerprinted.length < 0.7 * pools.length);
    for (const h of all) {
      if (h.machines === undefined) continue;
      assert.ok(h.features.includes('machine-pool'));
      assert.equal(h.machines.length, h.runs.length);
      assert.deepEqual([...new Set(h.machines)].sort(), ['fast', 'slow']);
    }
    const badNewest = all.filter((h) => h.features.includes('bad-newest-run'));
    assert.ok(badNewest.length > 0 && badNewest.every((h) => h.badRuns.includes(h.runs.length - 1)));
    const changes = all.flatMap((h) => h.changes);
    const regressions = changes.filter((c) => c.ratio > 1).length / changes.length;
    assert.ok(regressions > 0.62 && regressions < 0.78, `regressions ${regressions}`);
    assert.ok(all.some((h) => h.changes.some((c) => c.position >= h.runs.length - 3)));
    assert.equal(generateHistories({ seed: 3, count: 50, poolShare: 0 }).filter((h) => h.features.includes('machine-pool')).length, 0);
  });

  void test('the scorer matches one to one, same direction, within the tolerance', () => {
    const [h] = generateHistories({ seed: 8, count: 1, changeShare: 1 });
    assert.ok(h !== undefined && h.changes.length > 0);
    const perfect = h.changes.map((c) => ({ position: c.position + 2, direction: c.ratio > 1 ? ('regression' as const) : ('improvement' as const) }));
    const s = scoreDetections([h], [perfect]);
    assert.equal(s.f1, 1);
    const far = scoreDetections([h], [perfect.map((d) => ({ ...d, position: d.position + 1 }))], { tolerance: 2 });
    assert.equal(far.truePositives, 0);
    const wrongWay = scoreDetections([h], [perfect.map((d) => ({ ...d, direction: d.direction === 'regression' ? ('improvement' as const) : ('regression' as const) }))]);
    assert.equal(wrongWay.truePositives, 0);
    const doubled = scoreDetections([h], [[...perfect, ...perfect]]);
    assert.equal(doubled.truePositives, h.changes.length);
    assert.equal(doubled.falsePositives, h.changes.length);
  });

  void test('the detector scores well on a small held-out set (accuracy smoke test, not the benchmark)', () => {
    const histories = generateHistories({ seed: 99, count: 60 });
    const s = scoreDetections(histories, histories.map((h) => detectChangePoints(h.runs).changes));
    assert.ok(s.f1 > 0.8, `F1 ${s.f1}`);
    assert.ok(s.noChangeAlarmRate <= 0.1, `alarms ${s.noChangeAlarmRate}`);
  });
});
