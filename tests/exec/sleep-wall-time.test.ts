// A command that sleeps 100 ms measures about 100 ms: through the shell (start-up subtracted) and without one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchmarkCommands } from '../../src/exec/benchmark-commands.js';

for (const shell of ['sh', false] as const) {
  void test(`sleep 0.1 measures 100 ms (${shell === false ? 'no shell' : 'through sh'})`, async () => {
    const { result, commands } = await benchmarkCommands(['sleep 0.1'], { shell, minRuns: 5, minTimeMs: 0 });
    const task = result.tasks[0];
    assert.equal(task?.status, 'ok');
    assert.equal(task.stats?.samples, 5);
    assert.equal(commands[0]?.runs.length, 5);
    // A sleep on a shared machine: a generous band around 100 ms, never below what was asked for by much.
    const median = task.stats.median;
    assert.ok(median > 0.09 && median < 0.16, `median ${median}s`);
    // Sleeping burns almost no CPU.
    const cpu = (task.figures?.find((f) => f.name === 'cpu.user')?.value ?? 1) + (task.figures?.find((f) => f.name === 'cpu.system')?.value ?? 1);
    assert.ok(cpu < 0.05, `cpu ${cpu}s`);
    assert.ok(result.notices?.some((n) => (shell === false ? /without a shell/ : /shell start-up \(sh -c '': [\d.]+ ms wall, mean of 30 runs\) subtracted/).test(n)));
  });
}
