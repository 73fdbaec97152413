// `rune-bench exec` end to end: the report, hyperfine's three exports and the results store. The report and the
// exports name the faster command (a verdict from timings), so this file runs alone; the generated tree, failures
// and usage errors with their exit codes, and the step summary are in cli-exit-codes.test.ts.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suiteResultFromJSON } from '../../src/bench/suite-result-json.js';
import { ensureBuilt, lines, runCli, tempDir } from '../cli/helpers.js';

interface HyperfineJson {
  results: { command: string; mean: number; stddev: number; median: number; user: number; system: number; min: number; max: number; times: number[]; exit_codes: number[]; parameters?: Record<string, string> }[];
}

void describe('rune-bench exec', () => {
  let dir = '';
  before(() => {
    ensureBuilt();
    dir = tempDir('rune-bench-exec-cli-');
  });

  void test('runs the commands, prints the report as JSON and writes the JSON, CSV and Markdown exports', async () => {
    const r = await runCli(
      ['exec', '--runs', '3', '--format', 'json', '--store', 'store', '-P', 'n', '1', '2', 'sleep 0.0{n}', '--export-json', 'h.json', '--export-csv', 'h.csv', '--export-markdown', 'h.md'],
      { cwd: dir },
    );
    assert.equal(r.code, 0, r.stderr);
    const result = suiteResultFromJSON(JSON.parse(r.stdout));
    assert.equal(result.name, 'exec');
    assert.deepEqual(result.tasks.map((t) => [t.name, t.status, t.stats?.samples]), [['sleep 0.01', 'ok', 3], ['sleep 0.02', 'ok', 3]]);
    // the run was watched: the bottleneck detector's findings (possibly none) come with the result
    assert.ok(Array.isArray(result.findings), 'exec runs the monitor and the detector');
    assert.match(r.stderr, /notice: shell start-up \(sh -c ''/);
    assert.match(r.stderr, /notice: sleep 0\.01 is [\d.]+x faster than sleep 0\.02/);

    const json = JSON.parse(readFileSync(join(dir, 'h.json'), 'utf8')) as HyperfineJson;
    assert.deepEqual(json.results.map((x) => [x.command, x.times.length, x.exit_codes, x.parameters]), [
      ['sleep 0.01', 3, [0, 0, 0], { n: '1' }],
      ['sleep 0.02', 3, [0, 0, 0], { n: '2' }],
    ]);
    const first = json.results[0];
    assert.ok(first !== undefined && first.min <= first.median && first.median <= first.max);
    assert.equal(first.median, result.tasks[0]?.stats?.median);

    const csv = lines(readFileSync(join(dir, 'h.csv'), 'utf8'));
    assert.equal(csv[0], 'command,mean,stddev,median,user,system,min,max,parameter_n');
    assert.equal(csv.length, 3);
    assert.match(csv[1] ?? '', /^sleep 0\.01,[\d.e-]+,[\d.e-]+,[\d.e-]+,[\d.e-]+,[\d.e-]+,[\d.e-]+,[\d.e-]+,1$/);

    const md = lines(readFileSync(join(dir, 'h.md'), 'utf8'));
    assert.equal(md[0], '| Command | Mean [ms] | Min [ms] | Max [ms] | Relative |');
    assert.match(md[2] ?? '', /^\| `sleep 0\.01` \| [\d.]+ ± [\d.]+ \| [\d.]+ \| [\d.]+ \| 1\.00 \|$/);
    assert.match(md[3] ?? '', /^\| `sleep 0\.02` \| [\d.]+ ± [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \[[\d.]+, [\d.]+\] \|$/);

    // Recorded in the store like any suite run.
    assert.ok(readdirSync(join(dir, 'store'), { recursive: true }).length > 0);
  });
});
