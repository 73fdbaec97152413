// parallel-safe: checks output, files and exit codes, not timings
// `list`: built-in suites and suites loaded from modules, as a table and as JSON.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, lines, runCli, tempDir, writeTinySuite } from './helpers.js';

const BUILT_INS = ['large_repository', 'network', 'memory_pressure', 'disk_io', 'parallel_operations', 'comprehensive'];

void describe('rune-bench list', () => {
  let dir = '';
  before(() => {
    ensureBuilt();
    dir = tempDir();
  });

  void test('the table shows every registered suite with its parameters', async () => {
    const r = await runCli(['list']);
    assert.equal(r.code, 0, r.stderr);
    const registered = BUILT_INS.filter((id) => r.stdout.includes(id));
    assert.ok(registered.length >= 4, `built-in suites listed: ${registered.join(', ')}`);
    assert.match(r.stdout, /^SUITE\s+DESCRIPTION$/m);
    assert.match(r.stdout, /--param \w+=(STRING|NUMBER|BOOLEAN)/);
  });

  void test('--format json, with suites from --require and RUNE_BENCH_SUITES', async () => {
    const one = writeTinySuite(dir, 'tiny_one');
    const two = writeTinySuite(dir, 'tiny_two');
    const r = await runCli(['list', '--format', 'json', '--require', one], { env: { RUNE_BENCH_SUITES: two } });
    assert.equal(r.code, 0, r.stderr);
    const suites = JSON.parse(r.stdout) as { id: string; description: string; parameters: { name: string; type: string }[] }[];
    const ids = suites.map((s) => s.id);
    assert.ok(ids.includes('tiny_one') && ids.includes('tiny_two'), ids.join(', '));
    assert.deepEqual(suites.find((s) => s.id === 'tiny_one')?.parameters.map((p) => [p.name, p.type]), [['work', 'number'], ['time', 'number'], ['samples', 'number']]);
  });

  void test('a module exporting `suites` registers each of them', async () => {
    const file = join(dir, 'many.mjs');
    const suite = (id: string): string =>
      `{ id: '${id}', description: 'd', parameters: [], run: async () => { throw new Error('not run'); } }`;
    writeFileSync(file, `export const suites = [${suite('alpha_suite')}, ${suite('beta_suite')}];\n`);
    const r = await runCli(['list', '--format', 'json', '--require', file]);
    assert.equal(r.code, 0, r.stderr);
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((s) => s.id);
    assert.ok(ids.includes('alpha_suite') && ids.includes('beta_suite'));
  });

  void test('a module that exports something else, or fails to load, is exit 2 with one line', async () => {
    const notSuite = join(dir, 'not-suite.mjs');
    writeFileSync(notSuite, 'export default { hello: "world" };\n');
    const broken = join(dir, 'broken.mjs');
    writeFileSync(broken, 'export default {;\n');
    for (const [file, message] of [
      [notSuite, /exports something that is not a suite/],
      [broken, /could not load suite module .*broken\.mjs: /],
    ] as const) {
      const r = await runCli(['list', '--require', file]);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(lines(r.stderr).length, 1, r.stderr);
      assert.match(r.stderr, message);
    }
  });
});
