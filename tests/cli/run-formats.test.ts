// `run` on a tiny real suite (loaded with --require): the JSON result, and --param reaching the suite. Both check
// measured medians, so this file runs alone; the other formats, progress, the recorded run and Ctrl-C are in
// run-reports.test.ts.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suiteResultFromJSON } from '../../src/bench/suite-result-json.js';
import { ensureBuilt, runCli, tempDir, writeTinySuite } from './helpers.js';

void describe('rune-bench run', () => {
  let dir = '';
  let suiteModule = '';
  before(() => {
    ensureBuilt();
    dir = tempDir();
    suiteModule = writeTinySuite(dir);
  });

  void test('json is the versioned result format', async () => {
    const r = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--format', 'json', '--no-store'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { schemaVersion: number; name: string; tasks: { name: string; status: string; stats: { median: number } }[] };
    assert.equal(json.schemaVersion, 2);
    const validated = suiteResultFromJSON(JSON.parse(r.stdout), 'stdout');
    assert.equal(validated.status, 'ok');
    const history = validated.monitorHistory;
    assert.ok(history !== undefined && history.points.length >= 2, 'the CLI\'s monitor history of the run is in the result');
    assert.ok('process.cpu.utilization' in history.descriptors);
    assert.equal(json.name, 'tiny');
    assert.deepEqual(json.tasks.map((t) => t.name), ['sum', 'sort copy']);
    for (const task of json.tasks) {
      assert.equal(task.status, 'ok');
      assert.ok(task.stats.median > 0 && task.stats.median < 0.1, `median ${task.stats.median}`);
    }
  });

  void test('--param reaches the suite (real work changes with it)', async () => {
    const small = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--format', 'json', '--no-store', '--param', 'work=100'], { cwd: dir });
    const large = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--format', 'json', '--no-store', '--param', 'work=100000'], { cwd: dir });
    assert.equal(small.code, 0, small.stderr);
    assert.equal(large.code, 0, large.stderr);
    const median = (text: string): number => (JSON.parse(text) as { tasks: { stats: { median: number } }[] }).tasks[0]!.stats.median;
    assert.ok(median(large.stdout) > median(small.stdout), 'summing 1000x more numbers takes longer');
  });
});
