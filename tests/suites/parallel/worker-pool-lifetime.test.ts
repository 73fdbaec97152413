// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

void test('a busy WorkerPool keeps the process alive until its answer; an idle one lets it exit', () => {
  const script = fileURLToPath(new URL('./fixtures/top-level-run.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'value 300\n');
});
