// `report --trends` over real runs with a step in them: four runs at one level, then four at 100x the work, and the
// change-point detector must find the step. Its assertions read the runs' medians, so this file runs alone (the rest
// of `report` is in report.test.ts).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, runCli, tempDir, writeTinySuite } from './helpers.js';

void describe('rune-bench report --trends over a real step', () => {
  let dir = '';
  let store = '';
  before(async () => {
    ensureBuilt();
    dir = tempDir();
    store = join(dir, 'results');
    const suiteModule = writeTinySuite(dir);
    // Four runs at one level, then four at 100x the work: a real step the change-point detector must find.
    for (const work of ['2000', '2000', '2000', '2000', '200000', '200000', '200000', '200000']) {
      // the step is in the code (more work, same parameters), so the runs stay comparable
      const r = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--store', store, '--format', 'json'], { cwd: dir, env: { RUNE_TINY_WORK: work } });
      assert.equal(r.code, 0, r.stderr);
    }
    assert.equal(readdirSync(store).filter((f) => f.endsWith('.run.json.gz')).length, 8);
  });

  void test('trends as JSON: one series per task with every run, and the step as a change point', async () => {
    const r = await runCli(['report', '--trends', '--format', 'json', '--store', store], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as {
      kind: string;
      series: { key: string; points: { value: number }[]; changePoints?: { index: number; direction?: string }[] }[];
    };
    assert.equal(json.kind, 'trends');
    assert.deepEqual(json.series.map((s) => s.key).sort(), ['tiny/sort copy', 'tiny/sum']);
    const sum = json.series.find((s) => s.key === 'tiny/sum')!;
    assert.equal(sum.points.length, 8);
    // the four runs on each side of the step, each side by its median: one run that a loaded host slowed as a
    // whole (one clean-clone CI run read a first run more than 10x slow) moves neither side's median
    const values = sum.points.map((p) => p.value);
    const middle = (xs: number[]): number => [...xs].sort((a, b) => a - b).slice(1, 3).reduce((a, b) => a + b) / 2;
    assert.ok(middle(values.slice(4)) > middle(values.slice(0, 4)) * 10, `the median grew with the work: ${values.map((v) => v.toExponential(2)).join(' ')}`);
    assert.deepEqual(sum.changePoints?.map((c) => [c.index, c.direction]), [[4, 'regression']], values.map((v) => v.toExponential(2)).join(' '));
  });
});
