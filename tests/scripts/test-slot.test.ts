// parallel-safe: asserts on the order of the files' start and end marks, not on how long anything took
// The test runner's lock (scripts/run-tests.mjs with scripts/test-slot.mjs): a file that is not marked
// parallel-safe never runs while another file runs, marked ones may and run first; every file still runs and
// reports, and the opt-in timing file has a line per file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNNER = fileURLToPath(new URL('../../scripts/run-tests.mjs', import.meta.url));

/** A test file that appends `start NAME` and `end NAME` to `log` around a 300 ms wait. */
function file(name: string, log: string, marked: boolean): string {
  return `${marked ? '// parallel-safe: a fixture of the lock test\n' : ''}import { test } from 'node:test';
import { appendFileSync } from 'node:fs';
test(${JSON.stringify(name)}, async () => {
  appendFileSync(${JSON.stringify(log)}, 'start ${name}\\n');
  await new Promise((resolve) => setTimeout(resolve, 300));
  appendFileSync(${JSON.stringify(log)}, 'end ${name}\\n');
});
`;
}

void test('files that are not parallel-safe run alone, after the marked ones; every file runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rune-bench-slot-test-'));
  try {
    const log = join(dir, 'log');
    const times = join(dir, 'times');
    writeFileSync(log, '');
    // the unmarked files' names sort first: node's own order (by name) would start them first
    const names = { shared: ['s1', 's2', 's3'], alone: ['a1', 'a2', 'a3'] };
    for (const name of names.shared) writeFileSync(join(dir, `${name}.test.ts`), file(name, log, true));
    for (const name of names.alone) writeFileSync(join(dir, `${name}.test.ts`), file(name, log, false));
    // the nested run takes its own lock (the mark that this process holds a slot is not passed on) and reports
    // as a run of its own (node's runner would otherwise report to this test process's runner)
    const env = { ...process.env };
    delete env.RUNE_BENCH_TEST_SLOT_HELD;
    delete env.RUNE_BENCH_TEST_SLOTS;
    delete env.NODE_TEST_CONTEXT;
    env.RUNE_BENCH_TEST_TIMES = times;
    const run = spawnSync(process.execPath, [RUNNER, dir], { encoding: 'utf8', env, timeout: 120_000 });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^# pass 6$/m);
    const events = readFileSync(log, 'utf8').trim().split('\n');
    assert.equal(events.length, 12, events.join(', '));
    // while a file that is not marked runs, nothing else starts or ends: its start is followed by its own end
    for (const name of names.alone) {
      const at = events.indexOf(`start ${name}`);
      assert.ok(at >= 0, name);
      assert.equal(events[at + 1], `end ${name}`, `${name} ran beside another file: ${events.join(', ')}`);
    }
    // and none starts while a marked one is still running
    let running = 0;
    for (const event of events) {
      const [kind, name = ''] = event.split(' ');
      if (kind === 'start') {
        assert.ok(!names.alone.includes(name) || running === 0, `${name} started beside another file: ${events.join(', ')}`);
        running += 1;
      } else running -= 1;
    }
    // the marked files go first: their processes are started first, two at a time, so at most one marked file (whose
    // process started just before the first unmarked one's and lost the race to the lock) starts after an unmarked one
    const firstAlone = Math.min(...names.alone.map((name) => events.indexOf(`start ${name}`)));
    const late = names.shared.filter((name) => events.indexOf(`start ${name}`) > firstAlone);
    assert.ok(late.length <= 1, `marked files started after an unmarked one: ${events.join(', ')}`);
    // RUNE_BENCH_TEST_TIMES: one line per file, `path kind start held end cpu children`
    const lines = readFileSync(times, 'utf8').trim().split('\n').map((line) => line.split(' '));
    assert.deepEqual(
      lines.map(([path = '', kind]) => `${path.slice(path.lastIndexOf('/') + 1)} ${String(kind)}`).sort(),
      [...names.alone.map((name) => `${name}.test.ts alone`), ...names.shared.map((name) => `${name}.test.ts shared`)].sort(),
    );
    for (const [, , ...stamps] of lines) {
      const [start = 0, held = 0, end = 0, cpu = -1, children = -1] = stamps.map(Number);
      assert.ok(start > 0 && start <= held && held <= end, stamps.join(' '));
      assert.ok(cpu > 0 && (children >= 0 || (process.platform !== 'linux' && stamps[4] === '-')), stamps.join(' '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
