// exec under a monitor: the commands' CPU reaches the monitor through the runner that reaps them, the detector's
// findings come with the result, and the monitor is left as it was found.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchmarkCommands } from '../../src/exec/benchmark-commands.js';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { defaultSources } from '../../src/monitor/sources/defaults.js';
import { SystemSource } from '../../src/monitor/sources/system.js';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rune-bench-exec-monitor-'));
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < block.length; i++) block[i] = (i * 2654435761) >>> 24;
  writeFileSync(join(dir, 'big'), Buffer.concat(Array.from({ length: 64 }, () => block)));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cpuOf = (figures: readonly { name: string; value: number }[] | undefined): number =>
  (figures?.find((f) => f.name === 'cpu.user')?.value ?? 0) + (figures?.find((f) => f.name === 'cpu.system')?.value ?? 0);

void test("the commands' CPU is in the monitor's snapshots, the detector ran, and the monitor is left stopped", { skip: process.platform !== 'linux' }, async () => {
  const monitor = new PerformanceMonitor({ intervalMs: 100, sources: [...defaultSources(), new SystemSource()] });
  const { result, commands } = await benchmarkCommands(['sha1sum big > /dev/null; :'], { cwd: dir, minRuns: 8, minTimeMs: 0, monitor });
  assert.equal(result.tasks[0]?.status, 'ok');
  assert.ok(Array.isArray(result.findings), 'the detector ran on the run window (an empty list means no rule fired)');
  const charted = result.monitorHistory;
  assert.ok(charted !== undefined && charted.points.length >= 2, 'the result keeps the run window for the report\'s charts');
  assert.ok(charted.points.some((p) => p.values['process.cpu.utilization'] !== undefined));
  assert.equal(monitor.running, false, 'a monitor that was not running is stopped again');
  assert.ok(!monitor.sources.some((s) => s.id === 'exec.commands'), 'the commands source is removed after the run');

  const cpuTimes = monitor.history.toArray().map((s) => s.get('process.child.commands.cpu.time')).filter((v): v is number => v !== undefined);
  assert.ok(cpuTimes.length >= 2, `${cpuTimes.length} snapshots carry the commands' CPU time`);
  const watched = (cpuTimes.at(-1) as number) - (cpuTimes[0] as number);
  // every measured run's CPU (user + system of the command and its descendants) went through the runner; the
  // warm-up-free runs plus the shell calibration are all it did, so the monitor saw at least the runs' total
  const runs = commands[0]?.runs ?? [];
  const measuredCpu = runs.reduce((sum, r) => sum + r.user + r.system, 0);
  assert.ok(measuredCpu > 0.05, `the runs used ${measuredCpu}s of CPU`);
  assert.ok(watched >= 0.8 * measuredCpu, `monitor saw ${watched}s of the commands' CPU, the runs measured ${measuredCpu}s`);
  assert.ok(cpuOf(result.tasks[0].figures) > 0);
});

void test('a running monitor keeps running, and a benchmark without a monitor carries no findings', { skip: process.platform !== 'linux' }, async () => {
  const monitor = new PerformanceMonitor({ intervalMs: 200 });
  await monitor.start();
  try {
    const { result } = await benchmarkCommands(['true'], { cwd: dir, minRuns: 3, minTimeMs: 0, monitor });
    assert.equal(monitor.running, true);
    assert.ok(Array.isArray(result.findings));
  } finally {
    await monitor.stop();
  }
  const { result: unwatched } = await benchmarkCommands(['true'], { cwd: dir, minRuns: 3, minTimeMs: 0 });
  assert.equal(unwatched.findings, undefined, 'no detector ran: the report says so instead of "no rule fired"');
  assert.equal(unwatched.monitorHistory, undefined, 'nothing to chart');
});
