// parallel-safe: checks output, files and exit codes, not timings
// The config file found from a subfolder, bench file discovery, --filter, and TypeScript suite files with and
// without a loader: end to end through the built bin, as a user's project would run it.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, ensureBuilt, runCli, tempDir } from './helpers.js';

const INDEX = pathToFileURL(join(ROOT, 'dist/index.js')).href;

/** A bench file exporting a BenchmarkSuite `name` with the given tasks (tiny bodies, a short budget). */
function benchSource(name: string, tasks: readonly string[], typed = false): string {
  const param = typed ? '(n: number): number' : '(n)';
  return `import { BenchmarkSuite } from ${JSON.stringify(INDEX)};
function work${param} { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }
const suite = new BenchmarkSuite(${JSON.stringify(name)}, { timeMs: 20, minSamples: 5, maxSamples: 10, warmup: false });
${tasks.map((t) => `suite.add(${JSON.stringify(t)}, () => work(200));`).join('\n')}
export default suite;
`;
}

function write(path: string, text: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

interface JsonSuite {
  readonly name: string;
  readonly status: string;
  readonly tasks: readonly { readonly name: string }[];
  readonly children?: readonly JsonSuite[];
}

const taskNames = (suite: JsonSuite): string[] => [...suite.tasks.map((t) => `${suite.name}/${t.name}`), ...(suite.children ?? []).flatMap(taskNames)];

void describe('rune-bench.config and discovery', () => {
  before(() => {
    ensureBuilt();
  });

  void test('a config file is found from a subfolder: its suites, store and format apply, flags override them', async () => {
    const project = tempDir();
    write(join(project, 'suites/hash.mjs'), benchSource('hash_suite', ['sha1', 'md5']));
    write(join(project, 'rune-bench.config.json'), JSON.stringify({ require: ['suites/hash.mjs'], store: 'results', format: 'json', threshold: '5%' }));
    const sub = join(project, 'src/deep');
    mkdirSync(sub, { recursive: true });

    const list = await runCli(['list', '--format', 'json'], { cwd: sub });
    assert.equal(list.code, 0, list.stderr);
    assert.ok((JSON.parse(list.stdout) as { id: string }[]).some((s) => s.id === 'hash_suite'), list.stdout);

    const run = await runCli(['run', '--suite', 'hash_suite'], { cwd: sub });
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as JsonSuite).name, 'hash_suite'); // format json from the config
    assert.ok(existsSync(join(project, 'results')), 'the store folder resolves against the config file');
    assert.ok(readdirSync(join(project, 'results')).length > 0);

    const table = await runCli(['run', '--suite', 'hash_suite', '--format', 'markdown', '--no-store'], { cwd: sub });
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^#/m, 'the flag overrides the config format');
  });

  void test('a bad config value is a usage error naming the file and the option', async () => {
    const project = tempDir();
    write(join(project, 'rune-bench.config.json'), JSON.stringify({ treshold: 0.05 }));
    const r = await runCli(['list'], { cwd: project });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /rune-bench\.config\.json: treshold is not a known config option \(did you mean threshold\?\)/);
  });

  void test('run without --suite discovers *.bench files (not in node_modules) and runs each as a child', async () => {
    const project = tempDir();
    write(join(project, 'a.bench.mjs'), benchSource('alpha', ['one', 'two']));
    write(join(project, 'nested/b.bench.js'), benchSource('beta', ['three']));
    write(join(project, 'nested/package.json'), '{"type":"module"}');
    write(join(project, 'node_modules/dep/c.bench.mjs'), benchSource('gamma', ['never']));
    const r = await runCli(['run', '--format', 'json', '--no-store'], { cwd: project });
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as JsonSuite;
    assert.equal(json.name, 'bench');
    assert.deepEqual(taskNames(json).sort(), ['alpha/one', 'alpha/two', 'beta/three']);
  });

  void test('the bench pattern comes from the config', async () => {
    const project = tempDir();
    write(join(project, 'perf/only.perf.mjs'), benchSource('only_perf', ['x']));
    write(join(project, 'a.bench.mjs'), benchSource('not_me', ['y']));
    write(join(project, 'rune-bench.config.mjs'), "export default { bench: 'perf/*.perf.mjs' };\n");
    const r = await runCli(['run', '--format', 'json', '--no-store'], { cwd: project });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(taskNames(JSON.parse(r.stdout) as JsonSuite), ['only_perf/x']);
  });

  void test('--filter keeps the matching tasks (substring or /regex/); matching nothing is a usage error', async () => {
    const project = tempDir();
    write(join(project, 'h.bench.mjs'), benchSource('hashes', ['sha1 streaming', 'sha1 readFileSync', 'md5']));
    const sub = await runCli(['run', '--filter', 'sha1', '--format', 'json', '--no-store'], { cwd: project });
    assert.equal(sub.code, 0, sub.stderr);
    assert.deepEqual(taskNames(JSON.parse(sub.stdout) as JsonSuite), ['hashes/sha1 streaming', 'hashes/sha1 readFileSync']);
    const re = await runCli(['run', '--filter', '/^md/', '--format', 'json', '--no-store'], { cwd: project });
    assert.equal(re.code, 0, re.stderr);
    assert.deepEqual(taskNames(JSON.parse(re.stdout) as JsonSuite), ['hashes/md5']);
    const none = await runCli(['run', '--filter', 'blake3', '--no-store'], { cwd: project });
    assert.equal(none.code, 2, none.stderr);
    assert.match(none.stderr, /--filter blake3 matches no task of hashes/);
  });

  void test('no --suite and no bench file: the error names the pattern and the folder', async () => {
    const project = tempDir();
    const r = await runCli(['run', '--no-store'], { cwd: project });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /run needs --suite NAME .*\*\*\/\*\.bench\.\{ts,mts,js,mjs\} below .*\(none found\)/);
  });
});

void describe('TypeScript bench files', () => {
  before(() => {
    ensureBuilt();
  });

  // On a Node with type stripping, turn it off so the test sees the loader path (or its absence).
  const noStripping = process.allowedNodeEnvironmentFlags.has('--no-experimental-strip-types') ? { NODE_OPTIONS: '--no-experimental-strip-types' } : {};

  void test('load through tsx when the project has it', async () => {
    const project = tempDir();
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
    write(join(project, 'typed.bench.ts'), benchSource('typed_suite', ['typed task'], true));
    const r = await runCli(['run', '--format', 'json', '--no-store'], { cwd: project, env: noStripping });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(taskNames(JSON.parse(r.stdout) as JsonSuite), ['typed_suite/typed task']);
  });

  void test('without a loader, the error says what to install', async () => {
    const project = tempDir(); // no node_modules: tsx cannot be resolved from the project
    write(join(project, 'typed.bench.ts'), benchSource('typed_suite', ['typed task'], true));
    const r = await runCli(['run', '--no-store'], { cwd: project, env: noStripping });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /could not load suite module .*typed\.bench\.ts: Node v[\d.]+ cannot load TypeScript by itself and tsx is not installed/);
    assert.match(r.stderr, /npm install --save-dev tsx/);
    assert.doesNotMatch(r.stderr, /Unknown file extension/);
  });

  void test('a TypeScript config file loads through the same loader', async () => {
    const project = tempDir();
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
    write(join(project, 'bench/t.bench.mjs'), benchSource('from_ts_config', ['t']));
    write(join(project, 'rune-bench.config.ts'), "const patterns: string[] = ['bench/*.bench.mjs'];\nexport default { bench: patterns, format: 'json' };\n");
    const r = await runCli(['run', '--no-store'], { cwd: project, env: noStripping });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(taskNames(JSON.parse(r.stdout) as JsonSuite), ['from_ts_config/t']);
  });
});
