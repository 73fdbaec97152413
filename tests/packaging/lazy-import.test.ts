// parallel-safe: which modules a fresh process loads, not how long it takes
// Importing rune-bench loads only what construction needs: the heavy parts (process isolation, the instructions
// instrument, the suites' implementations, node:crypto, node:child_process, node:vm) load when something runs, `rune-bench/testing` loads its assertions' runtime on the first assertion, and
// `rune-bench --version` loads neither the command tree nor the library. Checked on the built package in fresh
// processes: a module-loader hook lists every module loaded, and process.moduleLoadList every node built-in
// (including those loaded with require). No timings: bench/import.ts measures the cost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, ROOT, ensureBuilt } from '../cli/helpers.js';

const HOOK = `import { writeSync } from 'node:fs';
export async function load(url, context, next) {
  writeSync(2, 'module ' + url + '\\n');
  return next(url, context);
}
`;
const REGISTER = `import { register } from 'node:module';
register('./hook.mjs', import.meta.url);
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  process.stderr.write('builtins ' + JSON.stringify(builtins) + '\\n');
});
`;

interface Loaded {
  /** Files of the package loaded, relative to dist/ (e.g. `bench/task-runner.js`), and packages by name. */
  readonly files: readonly string[];
  /** Node built-ins loaded, by name (e.g. `crypto`, `child_process`). */
  readonly builtins: readonly string[];
  readonly stdout: string;
}

function loadedBy(args: readonly string[], env: Record<string, string> = {}): Loaded {
  const dir = mkdtempSync(join(tmpdir(), 'rune-lazy-'));
  try {
    writeFileSync(join(dir, 'hook.mjs'), HOOK);
    writeFileSync(join(dir, 'register.mjs'), REGISTER);
    const out = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    assert.equal(out.status, 0, out.stderr);
    const lines = out.stderr.split('\n');
    const dist = pathToFileURL(join(ROOT, 'dist')).href + '/';
    const files = lines
      .filter((l) => l.startsWith('module file:'))
      .map((l) => l.slice('module '.length))
      .map((url) => (url.startsWith(dist) ? url.slice(dist.length) : (/\/node_modules\/([^/]+)\//.exec(url)?.[1] ?? url)));
    const builtinLine = lines.find((l) => l.startsWith('builtins '));
    assert.ok(builtinLine !== undefined, out.stderr);
    return { files, builtins: JSON.parse(builtinLine.slice('builtins '.length)) as string[], stdout: out.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const IMPORT_THEN = (then: string): string[] => ['--input-type=module', '-e', `const m = await import(process.env.ENTRY); ${then}`];
const entry = (path: string): Record<string, string> => ({ ENTRY: pathToFileURL(join(ROOT, 'dist', path)).href });

/** Modules and built-ins that only running something needs. */
const RUN_TIME_FILES = ['bench/isolation.js', 'bench/isolation-process.js', 'bench/instruments/instructions.js', 'bench/instruments/valgrind.js', 'suites/comprehensive/comprehensive-suite.js'];
const RUN_TIME_BUILTINS = ['crypto', 'child_process', 'vm'];

void test('importing rune-bench loads neither process isolation, the instructions instrument, the suites nor node:crypto, child_process, vm', () => {
  ensureBuilt();
  const loaded = loadedBy(IMPORT_THEN(''), entry('index.js'));
  assert.ok(loaded.files.includes('index.js') && loaded.files.includes('bench/benchmark-suite.js'), 'the hook sees the package');
  for (const file of RUN_TIME_FILES) assert.ok(!loaded.files.includes(file), `${file} loaded by the import`);
  for (const builtin of RUN_TIME_BUILTINS) assert.ok(!loaded.builtins.includes(builtin), `node:${builtin} loaded by the import`);
});

void test('using them loads them: what the import left out is loaded on use, and the check can see it', () => {
  ensureBuilt();
  const loaded = loadedBy(
    IMPORT_THEN(
      `const r = await new m.BenchmarkSuite('lazy', { timeMs: 5, warmupMs: 0, minSamples: 1 }).add('t', () => 1).run(); if (r.tasks[0].status !== 'ok') throw new Error(r.tasks[0].status);` +
        `await m.getSuite('comprehensive').run({ params: { interval: 1 } }).then(() => { throw new Error('ran'); }, (e) => { if (!(e instanceof RangeError)) throw e; });`,
    ),
    entry('index.js'),
  );
  assert.ok(loaded.files.includes('suites/comprehensive/comprehensive-suite.js'), 'the comprehensive suite not loaded by its run');
  assert.ok(loaded.builtins.includes('crypto'), 'node:crypto (the environment id) not loaded by a run');
  assert.ok(loaded.builtins.includes('vm'), 'node:vm (the GC hook) not loaded by a run');
});

void test('importing rune-bench/testing loads neither the benchmark runner, the regression detector nor node:assert', () => {
  ensureBuilt();
  const loaded = loadedBy(IMPORT_THEN(''), entry('testing/index.js'));
  assert.ok(loaded.files.includes('testing/index.js'));
  for (const file of ['bench/benchmark-suite.js', 'detect/regression/regression-detector.js', 'bench/suite-result-json.js', 'simple-statistics', ...RUN_TIME_FILES]) {
    assert.ok(!loaded.files.includes(file), `${file} loaded by the import`);
  }
  for (const builtin of ['assert', ...RUN_TIME_BUILTINS]) assert.ok(!loaded.builtins.includes(builtin), `node:${builtin} loaded by the import`);
});

void test('rune-bench --version prints the version without loading the command tree or the library', () => {
  ensureBuilt();
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-v']) {
    const loaded = loadedBy([BIN, flag]);
    assert.equal(loaded.stdout, `${version}\n`);
    assert.deepEqual([...loaded.files].sort(), ['cli/bin.js', 'cli/package-version.js']);
  }
});
