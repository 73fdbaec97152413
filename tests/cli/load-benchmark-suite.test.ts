// parallel-safe: exit codes, listings and a run's JSON shape, not timings
// A module that exports a BenchmarkSuite instance is a suite: listed under its name and run like any other.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, ensureBuilt, lines, runCli, tempDir } from './helpers.js';

function writeModule(dir: string, file: string, name: string): string {
  const index = pathToFileURL(join(ROOT, 'dist/index.js')).href;
  const path = join(dir, file);
  writeFileSync(
    path,
    `import { BenchmarkSuite } from ${JSON.stringify(index)};
const suite = new BenchmarkSuite(${JSON.stringify(name)}, { timeMs: 30, minSamples: 5, maxSamples: 20, warmup: false });
suite.add('sum', () => { let s = 0; for (let i = 0; i < 500; i++) s += i; return s; });
suite.add('join', () => ['a', 'b', 'c'].join('-'));
export default suite;
`,
  );
  return path;
}

void describe('--require with a module exporting a BenchmarkSuite', () => {
  let dir = '';
  before(() => {
    ensureBuilt();
    dir = tempDir();
  });

  void test('list shows it under its name, with its tasks in the description', async () => {
    const file = writeModule(dir, 'exported.mjs', 'exported_bench');
    const r = await runCli(['list', '--format', 'json', '--require', file]);
    assert.equal(r.code, 0, r.stderr);
    const found = (JSON.parse(r.stdout) as { id: string; description: string; parameters: unknown[] }[]).find((s) => s.id === 'exported_bench');
    assert.ok(found !== undefined, r.stdout);
    assert.match(found.description, /sum, join/);
    assert.deepEqual(found.parameters, []);
  });

  void test('run --suite NAME runs its tasks', async () => {
    const file = writeModule(dir, 'runnable.mjs', 'runnable_bench');
    const r = await runCli(['run', '--suite', 'runnable_bench', '--require', file, '--format', 'json', '--no-store'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { name: string; status: string; tasks: { name: string; status: string }[] };
    assert.equal(json.name, 'runnable_bench');
    assert.equal(json.status, 'ok');
    assert.deepEqual(json.tasks.map((t) => [t.name, t.status]), [['sum', 'ok'], ['join', 'ok']]);
  });

  void test('a BenchmarkSuite whose name is not a valid suite id is a usage error naming the file', async () => {
    const file = writeModule(dir, 'badname.mjs', 'Not An Id');
    const r = await runCli(['list', '--require', file]);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(lines(r.stderr).length, 1, r.stderr);
    assert.match(r.stderr, /badname\.mjs \(BenchmarkSuite "Not An Id": its name is the suite id\): suite\.id must be/);
  });
});
