// parallel-safe: which modules a fresh process loads, not how long it takes
// Importing rune-bench loads the classes and functions it exports, not what they run: the formatters, the bottleneck
// rules, the detectors' statistics (simple-statistics), the monitor's sampling machinery and sources, the task
// runner, the stores' record files and git, the built-in suites' definitions load on first use (synchronously, by
// require of an ES module), the heavier parts (process isolation, the instructions instrument, the suites'
// implementations, node:crypto, node:child_process, node:vm) when something runs; `rune-bench/testing` loads its
// assertions' runtime on the first assertion, and `rune-bench --version` loads neither the command tree nor the
// library. Checked on the built package in fresh processes: the inspector's Debugger.scriptParsed lists every module
// compiled (a module-loader hook would miss those that require() loads), and process.moduleLoadList every node
// built-in (including those loaded with require). No timings: bench/import.ts measures the cost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, ROOT, ensureBuilt } from '../cli/helpers.js';

const REGISTER = `import { Session } from 'node:inspector';
const session = new Session();
session.connect();
session.on('Debugger.scriptParsed', ({ params }) => {
  if (params.url.startsWith('file:')) process.stderr.write('module ' + params.url + '\\n');
});
session.post('Debugger.enable');
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  process.stderr.write('builtins ' + JSON.stringify(builtins) + '\\n');
});
`;

interface Loaded {
  /** Modules of the package loaded, relative to dist/ (e.g. `bench/task-runner.js`), and packages by name. */
  readonly files: readonly string[];
  /** The files node compiled for them: the same, except that a chunk stands for the modules it holds. */
  readonly scripts: readonly string[];
  /** Node built-ins loaded, by name (e.g. `crypto`, `child_process`). */
  readonly builtins: readonly string[];
  readonly stdout: string;
}

/** The file that holds the main entry's modules in a built package (scripts/bundle-main.mjs), relative to dist/. */
const CHUNK = 'bundle/main.js';

/**
 * The modules a chunk (`bundle/main.js`, `bundle/core.js`) holds, as dist/ paths (`core/errors.js`), read from its
 * source map: a module bundled into it is loaded when the chunk is, so the listing counts it as loaded (an eager
 * import added to the main entry's modules puts a formatter into the chunk, and the tests below see it there).
 */
function chunkModules(chunk: string): string[] {
  const map = JSON.parse(readFileSync(join(ROOT, 'dist', `${chunk}.map`), 'utf8')) as { sources: string[] };
  return map.sources.flatMap((source) => {
    const match = /^(?:\.\.\/)+src\/(.+)\.ts$/.exec(source);
    return match === null ? [] : [`${match[1]}.js`];
  });
}

function loadedBy(args: readonly string[], env: Record<string, string> = {}): Loaded {
  const dir = mkdtempSync(join(tmpdir(), 'rune-lazy-'));
  try {
    writeFileSync(join(dir, 'register.mjs'), REGISTER);
    const out = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    assert.equal(out.status, 0, out.stderr);
    const lines = out.stderr.split('\n');
    const dist = pathToFileURL(join(ROOT, 'dist')).href + '/';
    const own = pathToFileURL(dir).href + '/';
    const scripts = lines
      .filter((l) => l.startsWith('module file:'))
      .map((l) => l.slice('module '.length))
      .filter((url) => !url.startsWith(own))
      .map((url) => (url.startsWith(dist) ? url.slice(dist.length) : (/\/node_modules\/([^/]+)\//.exec(url)?.[1] ?? url)));
    const builtinLine = lines.find((l) => l.startsWith('builtins '));
    assert.ok(builtinLine !== undefined, out.stderr);
    const files = scripts.flatMap((file) => (file.startsWith('bundle/') ? [file, ...chunkModules(file)] : [file]));
    return { files, scripts, builtins: JSON.parse(builtinLine.slice('builtins '.length)) as string[], stdout: out.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const IMPORT_THEN = (then: string): string[] => ['--input-type=module', '-e', `const m = await import(process.env.ENTRY); ${then}`];
const entry = (path: string): Record<string, string> => ({ ENTRY: pathToFileURL(join(ROOT, 'dist', path)).href });

/** Modules that the main entry's classes and functions load on first use, a few of each kind, and packages. */
const FIRST_USE_FILES = [
  'format/table-formatter.js',
  'format/html-formatter.js',
  'format/report.js',
  'detect/bottleneck/rules/memory-leak.js',
  'detect/bottleneck/bottleneck-tracker.js',
  'detect/regression/regression-gate.js',
  'stats/change-points.js',
  'monitor/collector.js',
  'monitor/sources/event-loop.js',
  'monitor/series-stats.js',
  'bench/task-runner.js',
  'bench/options.js',
  'store/results-store.js',
  'core/files.js',
  'suites/network/network-definition.js',
  'simple-statistics',
];
/** Packages the main entry never loads before they are used (fflate on the first gzip file, pidusage on a child's collection). */
const FIRST_USE_PACKAGES = ['fflate', 'pidusage', 'lru-cache'];

/** Modules and built-ins that only running something needs. */
const RUN_TIME_FILES = ['bench/isolation.js', 'bench/isolation-process.js', 'bench/instruments/instructions.js', 'bench/instruments/valgrind.js', 'suites/comprehensive/comprehensive-suite.js'];
const RUN_TIME_BUILTINS = ['crypto', 'child_process', 'vm'];

void test('importing rune-bench loads neither process isolation, the instructions instrument, the suites nor node:crypto, child_process, vm', () => {
  ensureBuilt();
  const loaded = loadedBy(IMPORT_THEN(''), entry('index.js'));
  assert.ok(loaded.files.includes('index.js') && loaded.files.includes('bench/benchmark-suite.js'), 'the listing sees the package');
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

void test('importing rune-bench loads none of what its classes and functions run: formatters, rules, statistics, sampling, the task runner, stores\' files, suite definitions; nor node:fs\'s streams', () => {
  ensureBuilt();
  const loaded = loadedBy(IMPORT_THEN(''), entry('index.js'));
  assert.ok(loaded.files.includes('format/registry.js') && loaded.files.includes('monitor/performance-monitor.js'), 'the listing sees the package');
  for (const file of [...FIRST_USE_FILES, ...FIRST_USE_PACKAGES]) assert.ok(!loaded.files.includes(file), `${file} loaded by the import`);
  // an import of node:fs (not a require) builds its streams: the main entry takes node:fs from process.getBuiltinModule
  assert.ok(!loaded.builtins.includes('internal/fs/streams'), "node:fs's streams loaded by the import");
});

void test('using them loads them: a formatter, a detector, a monitor, a run, a store, a history file and the suite list each load what they need', () => {
  ensureBuilt();
  const loaded = loadedBy(
    IMPORT_THEN(
      `const r = await new m.BenchmarkSuite('lazy', { timeMs: 5, warmupMs: 0, minSamples: 1 }).add('t', () => 1).run();` +
        `if (!m.getFormatter('html').format({ kind: 'suite', result: r }).includes('<html') || m.getFormatter('table').format({ kind: 'suite', result: r }) === '') throw new Error('format');` +
        `if (new m.BottleneckDetector().analyze([]).findings.length !== 0 || new m.RegressionDetector().compareSamples([]).length !== 0) throw new Error('detect');` +
        `const monitor = new m.PerformanceMonitor(); await monitor.sample(); if (monitor.summary('process.memory.usage') === undefined) throw new Error('monitor');` +
        `if (new m.FolderResultsStore('/nonexistent/rune-lazy-store').keys().length !== 0 || m.listSuites().length < 6) throw new Error('store');` +
        `try { monitor.importHistory('/nonexistent/rune-lazy-history.json'); throw new Error('read'); } catch (e) { if (e.code !== 'ERR_FILE_IO') throw e; }`,
    ),
    entry('index.js'),
  );
  for (const file of FIRST_USE_FILES) assert.ok(loaded.files.includes(file), `${file} not loaded by its use`);
});

void test('importing rune-bench compiles two files of its own, the entry and the chunk of its modules, beside the few the light entries load; those load not that chunk', () => {
  ensureBuilt();
  const main = loadedBy(IMPORT_THEN(''), entry('index.js'));
  const light = ['testing/index.js', 'entry/stats.js', 'entry/instruments.js'].map((path) => loadedBy(IMPORT_THEN(''), entry(path)));
  const own = main.scripts.filter((file) => file.endsWith('.js') && !file.includes(':') && !light.some((l) => l.scripts.includes(file)));
  assert.deepEqual([...own].sort(), [CHUNK, 'index.js'], 'the main entry\'s modules are not one file: run npm run build');
  for (const l of light) assert.ok(!l.scripts.includes(CHUNK), `${l.scripts[0] ?? 'a light entry'} loads the chunk`);
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
