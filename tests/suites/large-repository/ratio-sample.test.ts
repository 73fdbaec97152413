// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRepository, contentSourceFor } from '../../../src/workloads/repository/generator.js';
import { drawRatioSample, estimateRatios } from '../../../src/workloads/repository/ratio-sample.js';
import { walkTree } from '../../../src/workloads/repository/tree-walk.js';
import { stratifiedMean } from '../../../src/stats/stratified-mean.js';

void describe('ratio sample', () => {
  void test('two seeds give compression and delta ratios within 5% of each other on the same tree', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rune-bench-ratio-'));
    try {
      await generateRepository(root, { files: 2000, seed: 1 });
      const tree = await walkTree(root);
      const content = contentSourceFor(1);
      const estimate = async (seed: number) => {
        const sample = await drawRatioSample(root, tree.files, { units: 600, chunkBytes: 32 * 1024, seed });
        return { sample, ratios: await estimateRatios(sample, content, seed) };
      };
      const a = await estimate(11);
      const b = await estimate(12);
      assert.ok(a.sample.count >= 600);
      for (const key of ['level1', 'level6', 'delta'] as const) {
        const x = a.ratios[key];
        const y = b.ratios[key];
        assert.ok(Math.abs(x.ratio / y.ratio - 1) < 0.05, `${key}: ${String(x.ratio)} vs ${String(y.ratio)}`);
        assert.ok(x.low < x.ratio && x.ratio < x.high, `${key} interval brackets the ratio`);
        assert.ok(x.relativeHalfWidth < 0.05, `${key} interval ±${String(x.relativeHalfWidth)}`);
      }
      // Every size class with bytes in the tree is sampled, weights summing to 1.
      const weights = a.sample.classes.reduce((s, c) => s + c.weight, 0);
      assert.ok(Math.abs(weights - 1) < 1e-9);
      assert.ok(a.sample.classes.every((c) => c.units.length >= 8));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  void test('the stratified mean weights strata by their share, not by how many values they hold', () => {
    const m = stratifiedMean([
      { weight: 3, values: [1, 1, 1, 1, 1, 1, 1, 1] },
      { weight: 1, values: [5, 5] },
    ]);
    assert.equal(m.mean, 2);
    assert.equal(m.standardError, 0);
    const spread = stratifiedMean([{ weight: 1, values: [1, 3] }]);
    assert.equal(spread.mean, 2);
    assert.ok(spread.low < 2 && spread.high > 2);
  });
});
