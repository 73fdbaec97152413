// parallel-safe: asserts reports, files, exit codes and progress lines, not timings
// `run` on a tiny real suite (loaded with --require): a table on stdout with progress on stderr and the run recorded
// in .rune-bench/, Markdown, HTML written to --output, and Ctrl-C. (The JSON result and --param, which check
// measured medians, are in run-formats.test.ts.)
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FolderResultsStore } from '../../src/store/folder-store.js';
import { BIN, ensureBuilt, runCli, tempDir, writeTinySuite } from './helpers.js';

void describe('rune-bench run', () => {
  let dir = '';
  let suiteModule = '';
  before(() => {
    ensureBuilt();
    dir = tempDir();
    suiteModule = writeTinySuite(dir);
  });

  void test('table to stdout, progress to stderr, run recorded in .rune-bench/', async () => {
    const r = await runCli(['run', '--suite', 'tiny', '--require', suiteModule], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /sum/);
    assert.match(r.stdout, /sort copy/);
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when stdout is not a terminal');
    assert.match(r.stderr, /running tiny \(quick\)/);
    assert.match(r.stderr, /\[\s*\d+%\] tiny sum/, 'plain progress lines when stderr is not a terminal');
    const records = readdirSync(join(dir, '.rune-bench')).filter((f) => f.endsWith('.run.json.gz'));
    assert.equal(records.length, 1);
    const stored = new FolderResultsStore(join(dir, '.rune-bench')).read().records[0]?.result;
    assert.ok(stored !== undefined);
    assert.equal('monitorHistory' in stored, false, 'the store leaves the monitor history out');
  });

  void test('markdown', async () => {
    const r = await runCli(['run', '--suite', 'tiny', '--require', suiteModule, '--format', 'markdown', '--no-store'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^\|.*\|$/m, 'a GitHub table');
    assert.match(r.stdout, /sort copy/);
  });

  void test('html to --output FILE, written atomically, nothing on stdout', async () => {
    const out = join(dir, 'reports', 'tiny.html');
    const r = await runCli(['run', '--suite', 'tiny', '--format', 'html', '--output', out, '--no-store'], {
      cwd: dir,
      env: { RUNE_BENCH_SUITES: suiteModule },
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /wrote html report to .*tiny\.html/);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!doctype html>/i);
    assert.match(html, /sort copy/);
    assert.match(html, /<h2>Monitor time series<\/h2>/, 'the run was monitored and its series are charted');
    assert.deepEqual(readdirSync(join(dir, 'reports')), ['tiny.html'], 'no temporary file left behind');
  });

  void test('Ctrl-C (SIGINT) interrupts the run: exit 130, nothing recorded', async () => {
    const store = join(dir, 'interrupted-store');
    const child = spawn(process.execPath, [BIN, 'run', '--suite', 'tiny', '--require', suiteModule, '--store', store, '--param', 'time=60000', '--param', 'samples=1000000000'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.resume();
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => {
      resolve(code);
    }));
    const deadline = Date.now() + 15_000;
    while (!stderr.includes('running tiny') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await closed;
    clearTimeout(timer);
    assert.equal(code, 130, stderr);
    assert.match(stderr, /tiny aborted after|was aborted/);
    assert.ok(!existsSync(store) || readdirSync(store).length === 0, 'an interrupted run is not recorded');
  });
});
