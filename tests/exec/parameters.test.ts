// parallel-safe: checks output, files and exit codes, not timings
// Parameters: a scan or a list gives one task per value, with {NAME} substituted in the command and the name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchmarkCommands } from '../../src/exec/benchmark-commands.js';
import { parameterScan, splitCommandLine } from '../../src/exec/command-line.js';

void test('parameterScan lists lo..hi by step, keeping the step\'s decimals', () => {
  assert.deepEqual(parameterScan('n', 1, 4).values, ['1', '2', '3', '4']);
  assert.deepEqual(parameterScan('n', 0, 0.3, 0.1).values, ['0.0', '0.1', '0.2', '0.3']);
  assert.deepEqual(parameterScan('n', 2, 7, 2).values, ['2', '4', '6']);
  assert.throws(() => parameterScan('n', 3, 1), RangeError);
  assert.throws(() => parameterScan('n', 1, 3, 0), RangeError);
  assert.throws(() => parameterScan('1n', 1, 3), TypeError);
});

void test('a scan produces one task per value, each running its own command', async () => {
  // The command fails unless {n} was substituted by the value the task is named after.
  const { result, commands } = await benchmarkCommands(['test {n} -ge 1 && test {n} -le 3'], {
    parameters: [parameterScan('n', 1, 3)],
    minRuns: 2,
    minTimeMs: 0,
  });
  assert.deepEqual(
    result.tasks.map((t) => [t.name, t.status]),
    [
      ['test 1 -ge 1 && test 1 -le 3', 'ok'],
      ['test 2 -ge 1 && test 2 -le 3', 'ok'],
      ['test 3 -ge 1 && test 3 -le 3', 'ok'],
    ],
  );
  assert.deepEqual(commands.map((c) => c.parameters), [{ n: '1' }, { n: '2' }, { n: '3' }]);
});

void test('a list with display names, and two parameters give every combination', async () => {
  const { result } = await benchmarkCommands(['test "{a}{b}" != x'], {
    names: ['pair {a}-{b}'],
    parameters: [
      { name: 'a', values: ['p', 'q'] },
      { name: 'b', values: ['1', '2'] },
    ],
    minRuns: 1,
    minTimeMs: 0,
  });
  assert.deepEqual(result.tasks.map((t) => t.name), ['pair p-1', 'pair p-2', 'pair q-1', 'pair q-2']);
  assert.ok(result.tasks.every((t) => t.status === 'ok'));
});

void test('splitCommandLine splits words as a shell would, without expanding', () => {
  assert.deepEqual(splitCommandLine(`git log -n 100 --format='%H %s' "a \\"b\\"" c\\ d $HOME`), [
    'git', 'log', '-n', '100', '--format=%H %s', 'a "b"', 'c d', '$HOME',
  ]);
  assert.throws(() => splitCommandLine("echo 'open"), TypeError);
  assert.throws(() => splitCommandLine('   '), TypeError);
});
