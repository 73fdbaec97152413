// parallel-safe: instruction counts, which the machine's load does not move
// compareRevisions with the instructions instrument: the choice reaches each side's suite, the counts are
// compared with the tighter default threshold, the unit is carried, and a suite that cannot count is refused.
// The suite here reports counts it computes (WORK x 100,000 per operation) instead of running valgrind:
// the counting itself is tested in tests/bench/instructions*.test.ts; this file tests the comparison of counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// from dist/: the comparison's children then run the built code with plain node, not through a TypeScript loader
import { compareRevisions } from '../../dist/entry/compare.js';
import { renderComparison } from '../../src/cli/commands/compare.js';
import { createRepo, workModule, type TestRepo } from './helpers.js';

/** A suite that lists the instructions instrument and reports WORK x 100,000 instructions per operation. */
function countingSuite(instruments: readonly string[] = ['time', 'instructions']): string {
  return `import { WORK } from './work.js';
export const suite = {
  id: 'counted',
  description: 'reports instruction counts it computes',
  parameters: [],
  instruments: ${JSON.stringify(instruments)},
  async run(options = {}) {
    if (options.instrument !== 'instructions') throw new Error('asked to measure ' + String(options.instrument ?? 'time'));
    const unit = options.instructions?.cacheSim === true ? 'cycles (estimated)' : 'instructions';
    const median = WORK * 100000;
    return {
      schemaVersion: 2, name: 'counted', status: 'ok', startedAt: new Date().toISOString(),
      tasks: [{ name: 'hash', status: 'ok', duration: 0, tags: [], stats: { median, unit, samples: 2 } }],
    };
  },
};
`;
}

async function compare(repo: TestRepo, more: Partial<Parameters<typeof compareRevisions>[0]> = {}) {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = repo.tmp;
  try {
    return await compareRevisions({ base: 'HEAD~1', head: 'HEAD', repository: repo.dir, suiteModule: 'suite.js', suite: 'counted', rounds: 2, instrument: 'instructions', ...more });
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

void test('1% more instructions is regressed at the 0.5% default threshold; the same count is unchanged', async () => {
  const repo = createRepo({ 'suite.js': countingSuite(), 'work.js': workModule(1) });
  try {
    repo.commit({ 'work.js': workModule(1.01) }, '1% more work');
    const result = await compare(repo);
    assert.equal(result.threshold, 0.005);
    assert.equal(result.unit, 'instructions');
    assert.equal(result.verdict, 'regressed', result.reason);
    assert.equal(result.tasks[0]?.baseMedian, 100_000);
    assert.equal(result.tasks[0].headMedian, 101_000);
    const text = renderComparison(result);
    assert.match(text, /base 100,000 instr, head 101,000 instr, \+1\.00%/);

    repo.commit({ 'work.js': workModule(1.01), 'note.txt': 'no code change\n' }, 'same work');
    const same = await compare(repo);
    assert.equal(same.verdict, 'unchanged', same.reason);
    // a change smaller than the threshold is not a regression
    repo.commit({ 'work.js': workModule(1.0131) }, '0.3% more work');
    const small = await compare(repo);
    assert.notEqual(small.verdict, 'regressed', small.reason);
    assert.equal(repo.worktrees(), 1);
  } finally {
    repo.cleanup();
  }
});

void test('the cache simulation is passed on and compares estimated cycles', async () => {
  const repo = createRepo({ 'suite.js': countingSuite(), 'work.js': workModule(1) });
  try {
    repo.commit({ 'work.js': workModule(0.9) }, '10% less work');
    const result = await compare(repo, { cacheSim: true });
    assert.equal(result.unit, 'cycles (estimated)');
    assert.equal(result.verdict, 'improved', result.reason);
    assert.match(renderComparison(result), /base 100,000 cycles \(est\.\), head 90,000 cycles \(est\.\)/);
  } finally {
    repo.cleanup();
  }
});

void test('a suite that does not list the instructions instrument is refused, naming what it measures', async () => {
  const repo = createRepo({ 'suite.js': countingSuite(['time']), 'work.js': workModule(1) });
  try {
    repo.commit({ 'note.txt': 'x\n' }, 'second');
    await assert.rejects(compare(repo), (error: Error) => /measures time only, not instructions/.test(error.message));
    assert.equal(repo.worktrees(), 1);
  } finally {
    repo.cleanup();
  }
});

void test('cacheSim without the instructions instrument and an unknown instrument are refused before anything runs', async () => {
  await assert.rejects(compareRevisions({ base: 'HEAD', suiteModule: 's.js', suite: 'x', cacheSim: true }), { name: 'RangeError', message: /cacheSim option needs instrument/ });
  await assert.rejects(
    compareRevisions({ base: 'HEAD', suiteModule: 's.js', suite: 'x', instrument: 'cycles' as 'time' }),
    { message: /instrument option/ },
  );
});

/** A module exporting a BenchmarkSuite itself (as `run --require` accepts), timed or counting. */
function benchmarkSuiteModule(instrument: 'time' | 'instructions'): string {
  return `import { BenchmarkSuite } from 'rune-bench';
import { WORK } from './work.js';
function busy(n) { let x = 0; for (let i = 0; i < n; i++) x = (x * 31 + i) | 0; return x; }
const suite = new BenchmarkSuite('exported', { timeMs: 60, warmupMs: 10, minSamples: 8${instrument === 'instructions' ? ", instrument: 'instructions', isolation: { module: import.meta.url, execArgv: [] }" : ''} });
suite.add('loop', () => busy(20000 * WORK));
export default suite;
`;
}

void test('a module that exports a BenchmarkSuite is compared under its name, and a counting one is not compared by time', async () => {
  const repo = createRepo({ 'suite.js': benchmarkSuiteModule('time'), 'work.js': workModule(1) });
  try {
    repo.commit({ 'work.js': workModule(2) }, 'twice the work');
    const timed = await compare(repo, { suite: 'exported', instrument: 'time', rounds: 4 });
    assert.equal(timed.unit, 'seconds');
    assert.equal(timed.tasks[0]?.name, 'loop');
    assert.equal(timed.verdict, 'regressed', timed.reason);

    repo.commit({ 'suite.js': benchmarkSuiteModule('instructions') }, 'counting suite');
    repo.commit({ 'note.txt': 'x\n' }, 'no change');
    await assert.rejects(compare(repo, { suite: 'exported', instrument: 'time' }), (error: Error) =>
      /measures instructions only, not time \(pass --instrument instructions\)/.test(error.message));
    assert.equal(repo.worktrees(), 1);
  } finally {
    repo.cleanup();
  }
});
