// parallel-safe: checks output, files and exit codes, not timings
// A failing command is reported with its exit code and fails its task (the others still run);
// ignoreFailure accepts it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchmarkCommands } from '../../src/exec/benchmark-commands.js';

const figure = (figures: readonly { name: string; value: number }[] | undefined, name: string): number | undefined =>
  figures?.find((f) => f.name === name)?.value;

void test('a run that exits 3 fails its task with the exit code; the next command still runs', async () => {
  const { result } = await benchmarkCommands(['exit 3', 'true'], { minRuns: 3, minTimeMs: 0 });
  const [failing, fine] = result.tasks;
  assert.equal(failing?.status, 'failed');
  assert.equal(failing.error?.code, 'ERR_CHILD_FAILED');
  assert.match(failing.error.message, /exit 3 exited with code 3/);
  assert.equal(figure(failing.figures, 'exit.code'), 3);
  assert.equal(failing.stats, undefined);
  assert.equal(fine?.status, 'ok');
  assert.equal(result.status, 'partial');
});

void test('a command killed by a signal reports 128 + the signal number', async () => {
  const { result } = await benchmarkCommands(['kill -TERM $$'], { minRuns: 1, minTimeMs: 0 });
  assert.equal(figure(result.tasks[0]?.figures, 'exit.code'), 143);
});

void test('a command that cannot be started (no shell) fails its task, saying why', async () => {
  const { result } = await benchmarkCommands(['rune-bench-no-such-command --x'], { shell: false, minRuns: 1, minTimeMs: 0 });
  assert.equal(result.tasks[0]?.status, 'failed');
  assert.match(String(result.tasks[0].error?.message), /rune-bench-no-such-command.*No such file/);
  assert.equal(result.status, 'failed');
});

void test('ignoreFailure accepts non-zero exits and counts them', async () => {
  const { result, commands } = await benchmarkCommands(['exit 3'], { minRuns: 4, minTimeMs: 0, ignoreFailure: true });
  assert.equal(result.tasks[0]?.status, 'ok');
  assert.equal(result.tasks[0].stats?.samples, 4);
  assert.equal(figure(result.tasks[0].figures, 'exit.nonzero_runs'), 4);
  assert.deepEqual(commands[0]?.runs.map((r) => r.exitCode), [3, 3, 3, 3]);
  assert.ok(result.notices?.some((n) => n.includes('4 of 4 runs exited non-zero')));
});

void test('a failing prepare command fails the task', async () => {
  const { result } = await benchmarkCommands(['true'], { prepare: 'exit 7', minRuns: 2, minTimeMs: 0 });
  assert.equal(result.tasks[0]?.status, 'failed');
  assert.match(result.tasks[0].error?.message ?? '', /prepare command exited with code 7/);
});
