// parallel-safe: checks output, files and exit codes, not timings
// `run` with a results store reports where a fresh run should land once the store holds enough runs of the
// benchmark on this machine, and says where that noise came from; without the history it shows nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ensureBuilt, runCli, tempDir, writeTinySuite } from './helpers.js';
import { readSuiteResult } from '../../src/bench/suite-result-json.js';

ensureBuilt();

void test('run with a store: a prediction interval from the stored runs, in the JSON and as the table\'s "Next run" column', async () => {
  const dir = tempDir();
  const suite = writeTinySuite(dir);
  const store = join(dir, 'store');
  const run = (extra: string[]) => runCli(['run', '--suite', 'tiny', '--require', suite, '--store', store, ...extra], { cwd: dir });
  for (let i = 0; i < 4; i++) {
    const r = await run(['--save-baseline', join(dir, `r${i}.json`)]);
    assert.equal(r.code, 0, r.stderr);
    // fewer than four earlier runs: no between-run noise, no prediction interval
    assert.equal(readSuiteResult(join(dir, `r${i}.json`)).tasks[0]?.stats?.predictionInterval, undefined);
    if (i === 0) assert.doesNotMatch(r.stdout, /Next run/);
  }
  const fifth = await run(['--save-baseline', join(dir, 'r4.json')]);
  assert.equal(fifth.code, 0, fifth.stderr);
  assert.match(fifth.stdout, /Next run/);
  for (const t of readSuiteResult(join(dir, 'r4.json')).tasks) {
    const s = t.stats!;
    assert.equal(s.predictionInterval?.from, '4 stored runs of this benchmark on this machine', t.name);
    assert.ok(s.predictionInterval.lower <= s.medianCI.lower && s.predictionInterval.upper >= s.medianCI.upper, t.name);
  }
  const markdown = await run(['--format', 'markdown']);
  assert.equal(markdown.code, 0, markdown.stderr);
  assert.match(markdown.stdout, /\| Task \| Median \| p99 \| ±RME \| Next run \|/);
});
