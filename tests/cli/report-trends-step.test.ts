// `report --trends` over real runs with a step in them: four runs at one level, then four at 1000x the work, and the
// change-point detector must find the step. Its assertions read the runs' medians, so this file runs alone (the rest
// of `report` is in report.test.ts).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, runCli, tempDir, writeTinySuite } from './helpers.js';

interface Trends {
  kind: string;
  series: { key: string; points: { value: number }[]; changePoints?: { index: number; direction?: string }[] }[];
}

/** Eight real runs into a fresh store, the step in the code (more work, same parameters), and their trends. */
async function stepHistory(dir: string, suiteModule: string, attempt: number): Promise<Trends> {
  const store = join(dir, `results-${String(attempt)}`);
  for (const work of ['2000', '2000', '2000', '2000', '2000000', '2000000', '2000000', '2000000']) {
    const r = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--store', store, '--format', 'json'], { cwd: dir, env: { RUNE_TINY_WORK: work } });
    assert.equal(r.code, 0, r.stderr);
  }
  assert.equal(readdirSync(store).filter((f) => f.endsWith('.run.json.gz')).length, 8);
  const r = await runCli(['report', '--trends', '--format', 'json', '--store', store], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Trends;
}

/** The middle two of four values, averaged: one run slowed as a whole moves it little. */
const middle = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b).slice(1, 3).reduce((a, b) => a + b) / 2;

void describe('rune-bench report --trends over a real step', () => {
  let dir = '';
  let suiteModule = '';
  before(() => {
    ensureBuilt();
    dir = tempDir();
    suiteModule = writeTinySuite(dir);
  });

  void test('trends as JSON: one series per task with every run, and the step as a change point', async (t) => {
    // A step of 1000x stays plain when a loaded host slows a run or two as a whole (clean-clone CI runs read an
    // 8-run history with a 100x step and no change point, and another with a first run more than 10x slow). A
    // history that came out disturbed (a run more than 3x off the middle of its side) and shows no step is
    // measured once more; a clean one that shows no step fails at once.
    for (let attempt = 1; ; attempt++) {
      const json = await stepHistory(dir, suiteModule, attempt);
      assert.equal(json.kind, 'trends');
      assert.deepEqual(json.series.map((s) => s.key).sort(), ['tiny/sort copy', 'tiny/sum']);
      const sum = json.series.find((s) => s.key === 'tiny/sum')!;
      assert.equal(sum.points.length, 8);
      const values = sum.points.map((p) => p.value);
      const shown = values.map((v) => v.toExponential(2)).join(' ');
      const sides = [values.slice(0, 4), values.slice(4)];
      const disturbed = sides.some((side) => side.some((v) => Math.abs(Math.log(v / middle(side))) > Math.log(3)));
      const found = sum.changePoints?.map((c) => [c.index, c.direction]);
      const stepFound = JSON.stringify(found) === JSON.stringify([[4, 'regression']]);
      if (!stepFound && disturbed && attempt === 1) {
        t.diagnostic(`a disturbed history (${shown}) gave change points ${JSON.stringify(found)}: measuring again`);
        continue;
      }
      assert.ok(middle(sides[1]!) > middle(sides[0]!) * 100, `the median grew with the work: ${shown}`);
      assert.deepEqual(found, [[4, 'regression']], shown);
      return;
    }
  });
});
