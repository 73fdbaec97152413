// Baselines: save, compare, fail on regression; a missing or corrupt baseline is a clear exit 2 and stays untouched.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, lines, runCli, tempDir, writeTinySuite } from './helpers.js';
import { readSuiteResult } from '../../src/bench/suite-result-json.js';
import { FolderResultsStore } from '../../src/store/folder-store.js';
import { describeSamples } from '../../src/stats/describe.js';
import type { SuiteResult, TaskResult } from '../../src/core/results.js';

void describe('run --baseline', () => {
  let dir = '';
  let suiteModule = '';
  before(() => {
    ensureBuilt();
    dir = tempDir();
    suiteModule = writeTinySuite(dir);
  });

  const run = (...args: string[]) => runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--no-store', ...args], { cwd: dir });

  void test('a missing baseline: exit 2, one line naming the file, nothing run', async () => {
    const r = await run('--baseline', 'nope.json');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(lines(r.stderr).length, 1, r.stderr);
    assert.match(r.stderr, /^rune-bench: error: baseline .*nope\.json does not exist: create it with --save-baseline/);
  });

  for (const [name, bytes] of [
    ['not JSON', Buffer.from('{"schemaVersion": 1, "name": "tiny", "tasks": [')],
    ['JSON of the wrong shape', Buffer.from('{"schemaVersion": 1, "name": 42}')],
    ['a damaged gzip file', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03])],
  ] as const) {
    void test(`a corrupt baseline (${name}): exit 2, one line, file untouched`, async () => {
      const file = join(dir, `corrupt-${name.replace(/\W+/g, '-')}.json${bytes[0] === 0x1f ? '.gz' : ''}`);
      writeFileSync(file, bytes);
      const before = statSync(file);
      // Also name it as --save-baseline: a bad baseline must stop the run before anything is written.
      const r = await run('--baseline', file, '--save-baseline', file, '--fail-on-regression');
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      const errorLines = lines(r.stderr);
      assert.equal(errorLines.length, 1, r.stderr);
      assert.match(errorLines[0]!, /^rune-bench: error: baseline is not a usable rune-bench result \(.*corrupt-/);
      assert.match(errorLines[0]!, /replace it with --save-baseline FILE/);
      assert.deepEqual(readFileSync(file), bytes);
      assert.equal(statSync(file).mtimeMs, before.mtimeMs);
    });
  }

  void test('save a baseline, compare with it, and fail on a real regression', async () => {
    const baseline = join(dir, 'base.json');
    const saved = await run('--save-baseline', baseline);
    assert.equal(saved.code, 0, saved.stderr);
    assert.match(saved.stderr, /saved baseline .*base\.json/);
    const json = JSON.parse(readFileSync(baseline, 'utf8')) as { name: string; host?: unknown };
    assert.equal(json.name, 'tiny');
    // This test is about the gate's verdict and exit codes; the host's conditions are tested in
    // baseline-comparable.test.ts. On a busy runner a changed run queue makes any change inconclusive (correctly):
    // a baseline without `host` (as older files are) leaves that check out, so the verdict is the code's.
    assert.ok(json.host !== undefined, 'the CLI records the host conditions');
    delete json.host;
    writeFileSync(baseline, JSON.stringify(json));

    const same = await run('--baseline', baseline);
    assert.equal(same.code, 0, same.stderr);
    assert.match(same.stderr, /compared with .*base\.json/);

    // 50x more work per operation in the same code (parameters unchanged): a regression far beyond any noise.
    const slowerCode = { cwd: dir, env: { RUNE_TINY_WORK: '100000' } };
    const slower = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--no-store', '--baseline', baseline, '--fail-on-regression'], slowerCode);
    assert.equal(slower.code, 1, slower.stderr);
    assert.match(slower.stderr, /regressed.*tiny\/sum|tiny\/sum.*regressed/i);
    assert.match(slower.stderr, /regression(s)? found \(--fail-on-regression\)/);

    // Without --fail-on-regression the same comparison exits 0.
    const reported = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--no-store', '--baseline', baseline], slowerCode);
    assert.equal(reported.code, 0, reported.stderr);
    // The table shows the gate's own verdict for the task, so report and exit code agree.
    assert.match(reported.stdout, /^\s*sum\s.*\+[\d.]+% regressed\s*$/m, reported.stdout);
    assert.match(same.stdout, /vs baseline/);
  });

  void test('--fail-on-regression without --baseline compares with the previous stored run', async () => {
    // 50x the work: regressed, exit 1. A loaded runner may leave the gate unable to tell (the run queue changed
    // with an oversubscribed CPU on one side, or a first run slowed as a whole widened its interval past the
    // threshold): then the verdict is inconclusive with its reason printed, exit 0, never a verdict of no change or
    // of a speed-up. Such an attempt is repeated with a fresh store, up to three attempts in all; one must be caught.
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const store = join(dir, `store-${attempt}`);
      const withStore = (work: string) =>
        runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--store', store, '--fail-on-regression'], { cwd: dir, env: { RUNE_TINY_WORK: work } });
      const first = await withStore('2000');
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stderr, /no earlier run of tiny on this machine in the store: nothing to compare with/);
      const second = await withStore('100000');
      assert.match(second.stderr, /compared with the stored run of \d{4}-/);
      assert.doesNotMatch(second.stderr, /^\s*(improved|unchanged): tiny\/sum/m, second.stderr);
      if (second.code === 1) {
        assert.match(second.stderr, /^\s*regressed: tiny\/sum: /m, second.stderr);
        assert.match(second.stderr, /regression(s)? found \(--fail-on-regression\)/);
        return;
      }
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stderr, /0 regressed, /, second.stderr);
      // the gate says why it could not tell
      assert.match(second.stderr, /^\s*inconclusive: tiny\/sum: .*(straddles|host's conditions|false discovery rate|did not reproduce)/m, second.stderr);
      outcomes.push(second.stderr);
    }
    assert.fail(`a 50x slowdown was inconclusive in three attempts:\n${outcomes.join('\n')}`);
  });

  void test('--fail-on-regression without --baseline: a previous run that was itself slow makes no improvement', async () => {
    // A history of four runs at the usual speed and one at 3x (the baseline: a slow run), then a real run of the
    // usual work: against the slow run it reads about 3x faster, but it is one more run like the four before the
    // baseline. The verdict is inconclusive and names the baseline. The history is one real run of `sum`, stored
    // five times with its samples scaled (0.9, 1.1, 0.95, 1.05 and 3x; a spread of the size real runs have), so
    // only two real runs have to be alike: on a loaded runner a real six-run history was itself often disturbed.
    // An attempt whose last run strayed past the history's noise may keep its verdict, so up to three attempts,
    // each with a fresh store, and one must name the slow baseline. Only `sum` runs: the exit code is its alone.
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const seedFile = join(dir, `slow-baseline-seed-${attempt}.json`);
      const env = { RUNE_TINY_WORK: '2000', RUNE_TINY_TASKS: 'sum' };
      const seeded = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--no-store', '--save-baseline', seedFile], { cwd: dir, env });
      assert.equal(seeded.code, 0, seeded.stderr);
      const seed = readSuiteResult(seedFile);
      const store = new FolderResultsStore(join(dir, `slow-baseline-${attempt}`));
      const started = Date.parse(seed.startedAt);
      [0.9, 1.1, 0.95, 1.05, 3].forEach((factor, k) => store.append(scaledRun(seed, factor, new Date(started - (5 - k) * 1000).toISOString())));
      const last = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--store', store.dir, '--fail-on-regression'], { cwd: dir, env });
      assert.match(last.stderr, /compared with the stored run of /, last.stderr);
      assert.doesNotMatch(last.stderr, /tiny\/sort copy/, 'only sum ran');
      assert.equal(last.code, 0, last.stderr);
      assert.doesNotMatch(last.stderr, /^\s*regressed: tiny\/sum/m, last.stderr);
      if (/^\s*inconclusive: tiny\/sum: .*the baseline run was [\d.]+% slower than the median of the 4 stored runs before it/m.test(last.stderr)) return;
      outcomes.push(last.stderr);
    }
    assert.fail(`the slow baseline was never named in three attempts:\n${outcomes.join('\n')}`);
  });
});

/** `run` with every task's samples multiplied by `factor` (statistics recomputed from them), started at `startedAt`. */
function scaledRun(run: SuiteResult, factor: number, startedAt: string): SuiteResult {
  const tasks = run.tasks.map((task): TaskResult => {
    if (task.samples === undefined || task.stats === undefined) return task;
    const samples = task.samples.map((x) => x * factor);
    const { batchSize, resolution, median, bytesPerSecond, itemsPerSecond } = task.stats;
    // the bytes and items per operation, back from their rates
    const perOp = (rate: number | undefined): number | undefined => (rate === undefined ? undefined : Math.round(rate * median));
    const bytes = perOp(bytesPerSecond);
    const items = perOp(itemsPerSecond);
    return { ...task, samples, stats: describeSamples(samples, { batchSize, resolution, ...(bytes === undefined ? {} : { bytes }), ...(items === undefined ? {} : { items }) }) };
  });
  return { ...run, startedAt, tasks };
}
