// `rune-bench exec` end to end: the report, hyperfine's three exports, the results store, a generated tree
// that is removed afterwards, failures and usage errors with their exit codes.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
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

  void test('--tree quick runs the commands in a committed generated repository and removes it', async () => {
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const r = await runCli(['exec', '--tree', 'quick', '--no-store', '--runs', '2', '--shell', 'none', 'git diff --quiet HEAD', 'git rev-parse --verify HEAD'], {
      cwd: dir,
      env: { TMPDIR: tmp },
      timeout: 240_000,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /tree of 2000 files ready/);
    assert.match(r.stdout, /git diff --quiet HEAD/);
    assert.deepEqual(readdirSync(tmp), [], 'the generated tree is removed');
  });

  void test('a failing command: exit 3 naming its exit code; --ignore-failure: exit 0', async () => {
    const failed = await runCli(['exec', '--no-store', '--runs', '2', 'exit 4', 'true'], { cwd: dir });
    assert.equal(failed.code, 3, failed.stderr);
    assert.match(failed.stderr, /exit 4: exit 4 exited with code 4/);
    assert.match(failed.stderr, /1 of 2 commands failed/);
    const accepted = await runCli(['exec', '--no-store', '--runs', '2', '--ignore-failure', 'exit 4'], { cwd: dir });
    assert.equal(accepted.code, 0, accepted.stderr);
  });

  void test('in a GitHub Actions job the Markdown report is appended to $GITHUB_STEP_SUMMARY', async () => {
    const summary = join(dir, 'step-summary.md');
    const r = await runCli(['exec', '--runs', '3', '--no-store', '--command-name', 'tiny', 'true'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(summary, 'utf8');
    assert.match(text, /\| *tiny *\|/, text);
  });

  void test('usage errors exit 2 with one line', async () => {
    for (const args of [['exec'], ['exec', '--runs', '0', 'true'], ['exec', '-P', 'n', '1'], ['exec', '--tree', 'quick', '--cwd', '.', 'true'], ['exec', '--runs', '2', '--min-runs', '3', 'true']]) {
      const r = await runCli(args, { cwd: dir });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(lines(r.stderr).length, 1, r.stderr);
      assert.equal(r.stdout, '');
    }
    assert.equal(existsSync(join(dir, '.rune-bench')), false);
  });
});
