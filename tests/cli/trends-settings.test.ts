// `report --trends` marks a run whose parameters differ from its neighbours instead of drawing it as a spike. The
// JSON test reads the runs' medians (the odd run measured more; no change point among the usual runs), so this file
// runs alone.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ensureBuilt, runCli, tempDir, writeTinySuite } from './helpers.js';

void describe('report --trends with a run of other parameters', () => {
  let dir = '';
  let store = '';
  before(async () => {
    ensureBuilt();
    dir = tempDir();
    store = join(dir, 'results');
    const suiteModule = writeTinySuite(dir);
    // five runs of the same code; the third measures 50x the work through a parameter
    for (const params of [[], [], ['--param', 'work=100000'], [], []]) {
      const r = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--store', store, '--format', 'json', ...params], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
    }
  });

  void test('JSON: the odd run carries otherSettings naming the parameter; no change point is drawn at it', async () => {
    const r = await runCli(['report', '--trends', '--format', 'json', '--store', store], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { series: { key: string; points: { value: number; otherSettings?: string }[]; changePoints?: { index: number }[] }[] };
    const sum = json.series.find((s) => s.key === 'tiny/sum');
    assert.ok(sum !== undefined);
    assert.equal(sum.points.length, 5);
    assert.deepEqual(sum.points.map((p) => p.otherSettings !== undefined), [false, false, true, false, false]);
    assert.equal(sum.points.at(2)?.otherSettings, 'parameter work 2000 in most runs, 100000 in this one');
    // the odd run really measured more work: without the mark it would read as a spike
    const usual = sum.points.filter((p) => p.otherSettings === undefined).map((p) => p.value);
    assert.ok((sum.points.at(2)?.value ?? 0) > 5 * Math.min(...usual), JSON.stringify(sum.points));
    assert.deepEqual(sum.changePoints ?? [], []);
  });

  void test('table: the run is named as other settings', async () => {
    const r = await runCli(['report', '--trends', '--store', store], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /other settings \(parameter work 2000 in most runs, 100000 in this one\)/);
  });
});
