// parallel-safe: checks identities and files of the built package in child processes, not timings
// The built package holds the main entry's modules in two files (dist/bundle/main.js and core.js, made by
// scripts/bundle-main.mjs), and each of their files re-exports its part of one. One instance of each class and
// registry whichever entry loads it: the main entry, a subpath first, or a module loaded lazily; also under a
// require() hook that compiles ES modules to CommonJS (tsx), where the lazily loaded modules are copies and the
// chunks must not be. The chunks' source maps lead to src/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, ensureBuilt } from '../cli/helpers.js';

const url = (path: string): string => pathToFileURL(join(ROOT, 'dist', path)).href;
/** The chunks of a built package (scripts/bundle-main.mjs), relative to dist/. */
const CHUNKS = ['bundle/main.js', 'bundle/core.js'];

// Each line a check, with a subpath imported first: the subpaths' classes are the main entry's; the suite registry
// the main entry reads is the one rune-bench/workloads reads; an error thrown by a module loaded on first use (the
// files module; the store's record format, through the chunk's validation) is the main entry's RuneBenchError; a
// monitor's snapshots (made by its lazily loaded sampling) are its MetricSnapshot; a require() of the chunk, which
// is what a require() hook's copy of a bundled module's file does, gives the chunk loaded, not a copy of it.
const CHECKS = `
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const sources = await import(${JSON.stringify(url('entry/sources.js'))});
const main = await import(${JSON.stringify(url('index.js'))});
const format = await import(${JSON.stringify(url('entry/format.js'))});
const store = await import(${JSON.stringify(url('entry/store.js'))});
const checks = {};
checks.classes = sources.MetricHistory === main.MetricHistory && sources.RuneBenchError === main.RuneBenchError && format.Severity === main.Severity && store.FolderResultsStore === main.FolderResultsStore;
checks.emitter = new main.PerformanceMonitor() instanceof sources.TypedEventEmitter;
const workloads = await import(${JSON.stringify(url('entry/workloads.js'))});
checks.registry = workloads.isBuiltInSuite(main.getSuite('network')) && main.getSuite('comprehensive') === workloads.comprehensiveSuite;
try { main.readSuiteResult('/nonexistent/rune-bundle-test.json'); checks.fileError = 'read'; } catch (e) { checks.fileError = e instanceof main.RuneBenchError && e instanceof sources.RuneBenchError && e.code === 'ERR_FILE_IO'; }
// a record of the wrong shape: the store's record format (loaded on first use) rejects it with the chunk's validation
const dir = mkdtempSync(join(tmpdir(), 'rune-bundle-'));
writeFileSync(join(dir, 'damaged.run.json.gz'), JSON.stringify({ format: 'nope' }));
const [damaged] = new main.FolderResultsStore(dir).read().errors;
checks.recordError = damaged instanceof main.RuneBenchError && damaged.code === 'ERR_INVALID_FORMAT';
rmSync(dir, { recursive: true });
const monitor = new main.PerformanceMonitor();
checks.snapshot = (await monitor.sample()) instanceof main.MetricSnapshot;
// what a require() hook's copy of a bundled module's file does: require its chunk; it must get the chunk loaded
checks.oneChunk = true;
for (const chunk of ${JSON.stringify(CHUNKS.map(url))}) {
  const required = process.getBuiltinModule('node:module').createRequire(chunk)(process.getBuiltinModule('node:url').fileURLToPath(chunk));
  if (required !== (await import(chunk))) checks.oneChunk = chunk;
}
process.stdout.write(JSON.stringify(checks));
`;

function run(args: readonly string[]): Record<string, unknown> {
  const out = spawnSync(process.execPath, [...args, '--input-type=module', '-e', CHECKS], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return JSON.parse(out.stdout) as Record<string, unknown>;
}

const ALL_TRUE = { classes: true, emitter: true, registry: true, fileError: true, recordError: true, snapshot: true, oneChunk: true };

void test('one instance of each class and registry across the main entry, the subpaths and what loads on first use', () => {
  ensureBuilt();
  assert.deepEqual(run([]), ALL_TRUE);
});

void test('the same under a require() hook that compiles ES modules to CommonJS (tsx)', () => {
  ensureBuilt();
  assert.deepEqual(run(['--import', 'tsx']), ALL_TRUE);
});

void test("the chunks' source maps lead to the TypeScript sources", () => {
  ensureBuilt();
  for (const [path, module] of [['bundle/main.js', 'src/bench/benchmark-suite.ts'], ['bundle/core.js', 'src/core/errors.ts']] as const) {
    const chunk = join(ROOT, 'dist', path);
    const map = JSON.parse(readFileSync(`${chunk}.map`, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
    const sources = map.sources.filter((s) => s.endsWith('.ts'));
    assert.ok(sources.some((s) => s.endsWith(module)), map.sources.join(' '));
    for (const source of sources) assert.ok(existsSync(resolve(dirname(chunk), source)), source);
    assert.equal(map.sourcesContent?.length, map.sources.length);
  }
});
