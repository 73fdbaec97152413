// parallel-safe: checks output, files and exit codes, not timings (the step found in real runs is in report-trends-step.test.ts)
// `report` over the results store: the latest run, trends across runs, budgets, an empty store, a damaged record.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, lines, runCli, tempDir, writeTinySuite } from './helpers.js';

void describe('rune-bench report', () => {
  let dir = '';
  let store = '';
  before(async () => {
    ensureBuilt();
    dir = tempDir();
    store = join(dir, 'results');
    const suiteModule = writeTinySuite(dir);
    // Four runs of the same code: what these tests read needs no step in them
    for (let i = 0; i < 4; i++) {
      const r = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--store', store, '--format', 'json'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
    }
    assert.equal(readdirSync(store).filter((f) => f.endsWith('.run.json.gz')).length, 4);
  });

  void test('the latest run as a table, compared with the one before', async () => {
    const r = await runCli(['report', '--store', store], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /sum/);
    assert.match(r.stderr, /latest run: tiny at .*, compared with/);
  });

  void test('--budget: a budget below the newest runs is reported over; one far above is within or crossing, never over', async () => {
    const r = await runCli(['report', '--trends', '--format', 'json', '--store', store, '--budget', 'tiny/sum=1ns', '--budget', 'tiny/sort copy=1000s'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    type Budget = { seconds: number; source: string; message: string; forecast?: { state: string } };
    const json = JSON.parse(r.stdout) as { series: { key: string; budget?: Budget }[] };
    const sum = json.series.find((s) => s.key === 'tiny/sum')?.budget;
    assert.equal(sum?.seconds, 1e-9);
    assert.equal(sum.forecast?.state, 'over');
    assert.match(sum.message, /^over its 1(\.00)? ns budget \(1ns\)/);
    const copy = json.series.find((s) => s.key === 'tiny/sort copy')?.budget;
    assert.ok(copy !== undefined && copy.forecast?.state !== 'over', JSON.stringify(copy));
    assert.match(copy.message, /^(within|crosses) its /);

    const table = await runCli(['report', '--trends', '--store', store, '--budget', 'tiny/sum=1ns'], { cwd: dir });
    assert.match(table.stdout, /Budgets\n {2}tiny\/sum: over its/);
    const markdown = await runCli(['report', '--trends', '--format', 'markdown', '--store', store, '--budget', 'tiny/sum=1ns'], { cwd: dir });
    assert.match(markdown.stdout, /### Budgets\n\n- tiny\/sum: 🔺 over its/);
  });

  void test('the config file gives the store and the budgets; a --budget flag wins for its key', async () => {
    const project = join(dir, 'with-config');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'rune-bench.config.json'), JSON.stringify({ store: '../results', budgets: { 'tiny/sum': '1ns', 'tiny/sort copy': '1000s' } }));
    const r = await runCli(['report', '--trends', '--format', 'json', '--budget', 'tiny/sort copy=1ns'], { cwd: project });
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { series: { key: string; budget?: { source: string; forecast?: { state: string } } }[] };
    assert.deepEqual(
      json.series.map((x) => [x.key, x.budget?.source, x.budget?.forecast?.state]).sort(),
      [['tiny/sort copy', '1ns', 'over'], ['tiny/sum', '1ns', 'over']],
    );
  });

  void test('--budget: a bad limit, a missing baseline and --budget without --trends are usage errors (exit 2)', async () => {
    for (const args of [['--trends', '--budget', 'tiny/sum=fast'], ['--trends', '--budget', 'tiny/sum=1.2x@nosuch'], ['--trends', '--budget', '=2ms'], ['--budget', 'tiny/sum=2ms']]) {
      const r = await runCli(['report', '--store', store, ...args], { cwd: dir });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /--budget/);
    }
  });

  void test('--last keeps the newest runs only', async () => {
    const r = await runCli(['report', '--trends', '--last', '3', '--format', 'json', '--store', store], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { series: { key: string; points: unknown[] }[] };
    assert.equal(json.series.find((s) => s.key === 'tiny/sum')?.points.length, 3);
  });

  for (const format of ['table', 'markdown', 'html']) {
    void test(`trends as ${format}`, async () => {
      const r = await runCli(['report', '--trends', '--format', format, '--store', store], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /tiny\/sum/);
    });
  }

  void test('the default store is .rune-bench in the working directory', async () => {
    const r = await runCli(['report', '--trends'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no runs are recorded in .*\.rune-bench \(it does not exist\): record one with `rune-bench run --suite NAME`/);
    assert.equal(lines(r.stderr).length, 1);
  });

  void test('a damaged record is reported and skipped, the rest still reported', async () => {
    const damaged = join(dir, 'damaged');
    const suiteModule = writeTinySuite(dir, 'tiny2');
    const ok = await runCli(['run', '--suite', 'tiny2', '--require', suiteModule, '--store', damaged, '--format', 'json'], { cwd: dir });
    assert.equal(ok.code, 0, ok.stderr);
    writeFileSync(join(damaged, '20990101T000000000Z-0000-abcdef-unknown-x.run.json.gz'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    const r = await runCli(['report', '--store', damaged], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: skipped a damaged record: .*20990101T000000000Z/);
    assert.match(r.stdout, /sum/);
  });
});
