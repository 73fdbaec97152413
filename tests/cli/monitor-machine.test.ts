// `monitor` without --pid shows the whole machine beside its own process: a file written and flushed by dd shows
// in the machine's disk writes (as it would from any other process), and the dashboard labels which is which.
// (Here dd is our child, so once reaped its I/O is in this process's counters too: Linux adds a reaped child's
// I/O to its parent's; a dd started from another terminal would show in the machine's figures only.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorSources } from '../../src/cli/commands/monitor-wiring.js';
import { renderDashboard } from '../../src/cli/dashboard.js';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';

const linux = process.platform === 'linux' && existsSync('/proc/diskstats');

void test("a process's disk writes show in the machine's figures, labelled apart from the monitor's own", { skip: !linux }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rune-monitor-machine-'));
  const monitor = new PerformanceMonitor({ intervalMs: 1000, sources: monitorSources(undefined).sources });
  try {
    await monitor.start();
    await monitor.sample();
    // 64 MiB written and flushed by dd, a separate process
    const dd = spawnSync('dd', ['if=/dev/zero', `of=${join(dir, 'f')}`, 'bs=1M', 'count=64', 'conv=fsync'], { stdio: 'ignore' });
    assert.equal(dd.status, 0);
    const after = await monitor.sample();
    const machine = after.get('system.disk.io.write.rate');
    assert.ok(machine !== undefined, 'the machine-wide disk source reports');
    if (machine === 0 && /^(loop|ram|zram)/.test(spawnSync('sh', ['-c', `df --output=source ${dir} | tail -1 | xargs basename`], { encoding: 'utf8' }).stdout.trim())) {
      t.skip('the temporary directory is on a loop or RAM device, which the machine-wide disk figures leave out');
      return;
    }
    assert.ok(machine > 1e6, `machine disk write ${String(machine)} B/s`);
    const text = renderDashboard({ title: 'monitor', snapshots: monitor.history.toArray(), findings: [], columns: 100, color: false }).join('\n');
    assert.match(text, /disk write \(machine\)/);
    assert.match(text, /disk write \(process\)/);
  } finally {
    await monitor.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
